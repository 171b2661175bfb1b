package dev.augur.core.dataset.formats;

import dev.augur.core.dataset.read.Json;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the MovieLens releases share: titles that end in "(year)", genre lists, user attribute codes. */
final class MovieLensCommon {
    private static final Pattern YEAR = Pattern.compile("\\((\\d{4})(?:[-–]\\d{0,4})?\\)\\s*$");

    /** The 19 genres of MovieLens 100K, in the order of the flags in {@code u.item}. */
    static final List<String> GENRES_100K = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");

    /** MovieLens 1M age codes (users.dat) mapped to the ranges its README gives. */
    static String age1m(String code) {
        return switch (code) {
            case "1" -> "Under 18";
            case "18" -> "18-24";
            case "25" -> "25-34";
            case "35" -> "35-44";
            case "45" -> "45-49";
            case "50" -> "50-55";
            case "56" -> "56+";
            default -> code;
        };
    }

    private static final List<String> OCCUPATIONS_1M = List.of("other", "academic/educator", "artist",
            "clerical/admin", "college/grad student", "customer service", "doctor/health care", "executive/managerial",
            "farmer", "homemaker", "K-12 student", "lawyer", "programmer", "retired", "sales/marketing", "scientist",
            "self-employed", "technician/engineer", "tradesman/craftsman", "unemployed", "writer");

    static String occupation1m(String code) {
        try {
            int i = Integer.parseInt(code.strip());
            return i >= 0 && i < OCCUPATIONS_1M.size() ? OCCUPATIONS_1M.get(i) : code;
        } catch (NumberFormatException e) {
            return code;
        }
    }

    private MovieLensCommon() {
    }

    /** Adds {@code year} when the title ends in "(1995)". */
    static ObjectNode withYear(ObjectNode attributes, String title) {
        Matcher m = YEAR.matcher(title);
        if (m.find()) {
            attributes.put("year", Integer.parseInt(m.group(1)));
        }
        return attributes;
    }

    /** Splits "Action|Comedy"; MovieLens writes "(no genres listed)" for none. */
    static List<String> genres(String field) {
        if (field.isBlank() || field.equals("(no genres listed)")) {
            return List.of();
        }
        return List.of(field.split("\\|"));
    }

    static ObjectNode attributes() {
        return Json.object();
    }
}
