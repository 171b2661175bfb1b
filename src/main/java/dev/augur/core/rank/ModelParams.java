package dev.augur.core.rank;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads one model's {@code model.param=value} overrides. */
public final class ModelParams {
    private ModelParams() {
    }

    /** The overrides addressed to {@code model}, with the prefix stripped. */
    public static Map<String, String> of(String model, Map<String, String> overrides) {
        Map<String, String> out = new LinkedHashMap<>();
        String prefix = model + ".";
        overrides.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    public static void rejectUnknown(String model, Map<String, String> params, Collection<String> known) {
        for (String k : params.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("model " + model + " has no parameter '" + k + "'"
                        + (known.isEmpty() ? "" : "; it has " + String.join(", ", known)));
            }
        }
    }

    public static int intParam(String model, Map<String, String> p, String name, int fallback) {
        String v = p.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(model + "." + name + " must be a whole number, not '" + v + "'");
        }
    }

    public static double doubleParam(String model, Map<String, String> p, String name, double fallback) {
        String v = p.get(name);
        try {
            return v == null ? fallback : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(model + "." + name + " must be a number, not '" + v + "'");
        }
    }

    public static boolean boolParam(String model, Map<String, String> p, String name, boolean fallback) {
        String v = p.get(name);
        if (v == null) {
            return fallback;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException(model + "." + name + " must be true or false, not '" + v + "'");
        };
    }
}
