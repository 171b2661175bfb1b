package dev.augur.core.llm;

import java.net.URI;
import java.util.Locale;

/** Base URLs of OpenAI-compatible servers: checked, joined with an API path, shown without credentials, named. */
final class ServerUrls {

    private ServerUrls() {
    }

    /** The URL without trailing slashes; an IllegalArgumentException when it is not an http(s) URL. */
    static URI normalise(URI uri) {
        String s = uri.toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        URI u = URI.create(s);
        if (u.getScheme() == null || u.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + display(u));
        }
        return u;
    }

    static URI resolve(URI base, String path) {
        return URI.create(base + "/" + path);
    }

    /** The URL without user info, query or fragment (those can carry credentials). */
    static String display(URI uri) {
        if (uri.getHost() == null) {
            return "(invalid URL)";
        }
        String port = uri.getPort() >= 0 ? ":" + uri.getPort() : "";
        return uri.getScheme() + "://" + uri.getHost() + port + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    static String providerName(URI baseUrl) {
        String host = baseUrl.getHost() == null ? "" : baseUrl.getHost().toLowerCase(Locale.ROOT);
        if (baseUrl.getPort() == 11434 || host.contains("ollama")) {
            return "ollama";
        }
        if (host.endsWith("openai.com")) {
            return "openai";
        }
        if (baseUrl.getPort() == 1234) {
            return "lm studio";
        }
        return "openai-compatible";
    }
}
