package dev.augur.core.dataset.read;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonLiteralTest {

    @Test
    void readsAnAmazon2018MetadataLine() {
        JsonNode n = PythonLiteral.parse("{'asin': '0000031852', 'title': \"Girls' Ballet Tutu\", 'price': 3.17,"
                + " 'rank': 45, 'also_buy': ['B00JHONN1S', 'B002BZX8Z6'], 'salesRank': {'Toys & Games': 211836},"
                + " 'is_new': True, 'old': False, 'brand': None, 'size': (1, 2), 'one': (7,), 'group': (8)}");
        assertEquals("0000031852", n.get("asin").textValue());
        assertEquals("Girls' Ballet Tutu", n.get("title").textValue());
        assertEquals(3.17, n.get("price").doubleValue());
        assertEquals(45, n.get("rank").longValue());
        assertEquals("[\"B00JHONN1S\",\"B002BZX8Z6\"]", n.get("also_buy").toString());
        assertEquals(211836, n.get("salesRank").get("Toys & Games").intValue());
        assertTrue(n.get("is_new").booleanValue());
        assertTrue(n.get("old").isBoolean() && !n.get("old").booleanValue());
        assertTrue(n.get("brand").isNull());
        assertEquals("[1,2]", n.get("size").toString());
        assertEquals("[7]", n.get("one").toString());
        assertEquals(8, n.get("group").intValue());
    }

    @Test
    void decodesEscapes() {
        JsonNode n = PythonLiteral.parse("['a\\nb', 'tab\\there', 'back\\\\slash', 'it\\'s', \"say \\\"hi\\\"\","
                + " 'caf\\xe9', '\\u2019quote\\u2019', '\\U0001F600', 'keep \\d', 'oct\\101']");
        assertEquals("a\nb", n.get(0).textValue());
        assertEquals("tab\there", n.get(1).textValue());
        assertEquals("back\\slash", n.get(2).textValue());
        assertEquals("it's", n.get(3).textValue());
        assertEquals("say \"hi\"", n.get(4).textValue());
        assertEquals("café", n.get(5).textValue());
        assertEquals("\u2019quote\u2019", n.get(6).textValue());
        assertEquals("\uD83D\uDE00", n.get(7).textValue());
        assertEquals("keep \\d", n.get(8).textValue());
        assertEquals("octA", n.get(9).textValue());
    }

    @Test
    void readsNumbersAndPrefixedStrings() {
        JsonNode n = PythonLiteral.parse("[-5, +3, 1e-05, -2.5E3, 12345678901234567890, u'uni', r'raw\\n', b'bytes',"
                + " nan, 1_000]");
        assertEquals(-5, n.get(0).longValue());
        assertEquals(3, n.get(1).longValue());
        assertEquals(1e-05, n.get(2).doubleValue());
        assertEquals(-2500.0, n.get(3).doubleValue());
        assertEquals("12345678901234567890", n.get(4).bigIntegerValue().toString());
        assertEquals("uni", n.get(5).textValue());
        assertEquals("raw\\n", n.get(6).textValue());
        assertEquals("bytes", n.get(7).textValue());
        assertTrue(n.get(8).isNull());
        assertEquals(1000, n.get(9).longValue());
    }

    @Test
    void acceptsTrailingCommasEmptyContainersAndSets() {
        assertEquals("{\"a\":[],\"b\":{},\"c\":[]}", PythonLiteral.parse(" {'a': [], 'b': {}, 'c': (),} ").toString());
        assertEquals("[1,2]", PythonLiteral.parse("{1, 2}").toString());
        assertEquals("{\"1\":\"x\"}", PythonLiteral.parse("{1: 'x'}").toString());
    }

    @Test
    void rejectsWhatIsNoLiteralWithAColumn() {
        PythonLiteral.SyntaxException e = assertThrows(PythonLiteral.SyntaxException.class,
                () -> PythonLiteral.parse("{'a': true}"));
        assertEquals(7, e.column());
        assertTrue(e.getMessage().contains("unknown name 'true'"), e.getMessage());
        assertThrows(PythonLiteral.SyntaxException.class, () -> PythonLiteral.parse("{'a': 'open"));
        assertThrows(PythonLiteral.SyntaxException.class, () -> PythonLiteral.parse("{'a' 1}"));
        assertThrows(PythonLiteral.SyntaxException.class, () -> PythonLiteral.parse("['a'] extra"));
        assertThrows(PythonLiteral.SyntaxException.class, () -> PythonLiteral.parse("{'a': "));
        assertThrows(PythonLiteral.SyntaxException.class, () -> PythonLiteral.parse("'\\xZZ'"));
        assertThrows(PythonLiteral.SyntaxException.class, () -> PythonLiteral.parse("{[1]: 2}"));
        assertThrows(PythonLiteral.SyntaxException.class, () -> PythonLiteral.parse(""));
        PythonLiteral.SyntaxException deep = assertThrows(PythonLiteral.SyntaxException.class,
                () -> PythonLiteral.parse("[".repeat(100_000)));
        assertTrue(deep.getMessage().contains("nested"), deep.getMessage());
    }
}
