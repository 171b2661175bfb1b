package dev.augur.core.dataset.read;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HtmlTextTest {

    @Test
    void stripsTagsKeepingWordsApartAcrossBlocks() {
        assertEquals("Amazon.com Gift Cards are great. Box of 50 cards. individual gift cards.",
                HtmlText.clean("<div class=\"aplus\"> <br>Amazon.com Gift Cards are great.<br /><br /> Box of 50"
                        + " cards.<p>\n<a href=\"http://x.com/a?b=1&c=2\">individual gift cards</a>.</p></div>"));
        assertEquals("bold word", HtmlText.clean("<b>bold</b> word"));
        assertEquals("bold", HtmlText.clean("bo<b>ld</b>"));
        assertEquals("one two", HtmlText.clean("one<li>two</li>"));
    }

    @Test
    void decodesEntities() {
        assertEquals("Tom & Jerry's \"Café\" – 50% ©", HtmlText.clean("Tom &amp; Jerry&#39;s &quot;Caf&eacute;&quot; &ndash; 50% &copy;"));
        assertEquals("it's it's", HtmlText.clean("it&#x27;s it&#X27;s"));
        assertEquals("a b", HtmlText.clean("a&nbsp;&nbsp; b"));
        assertEquals("‘quoted’ …", HtmlText.clean("&#145;quoted&#146; &hellip;"));
        assertEquals("€ Ÿ", HtmlText.clean("&#128; &#159;"), "Windows-1252 references, as browsers read them");
        assertEquals("<b> stays text", HtmlText.clean("&lt;b&gt; stays text"));
        assertEquals("AT&T & &unknown; &#xZZ; &", HtmlText.clean("AT&T & &unknown; &#xZZ; &"));
        assertEquals("\uFFFD", HtmlText.clean("&#0;"));
        assertEquals("ÿ", HtmlText.clean("&yuml;"));
        assertEquals("", HtmlText.clean("&nbsp;"));
    }

    @Test
    void dropsScriptStyleAndComments() {
        assertEquals("Title after", HtmlText.clean("Title<script>var a = '<b>';</script><style>p{}</style><!-- c --> after"));
        assertEquals("open", HtmlText.clean("open<!-- never closed"));
    }

    @Test
    void leavesLoneAngleBracketsAndCollapsesWhitespace() {
        assertEquals("a < b > c", HtmlText.clean("a < b > c"));
        assertEquals("x <unclosed", HtmlText.clean("x <unclosed"));
        assertEquals("3<4", HtmlText.clean("3<4"));
        assertEquals("many spaces here", HtmlText.clean("  many \n\t spaces\r\nhere  "));
        assertEquals("", HtmlText.clean("<br/>"));
        assertNull(HtmlText.clean(null));
        assertEquals("a='>' b", HtmlText.clean("<span title=\"x>y\">a='>'</span> b"));
    }
}
