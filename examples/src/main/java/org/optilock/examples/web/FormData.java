package org.optilock.examples.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fields of an {@code application/x-www-form-urlencoded} body, a name possibly repeated. */
final class FormData {

    private final Map<String, List<String>> fields = new LinkedHashMap<>();

    static FormData parse(String body) {
        FormData form = new FormData();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            form.fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return form;
    }

    /** The first value of {@code name}, or {@code null}. */
    String get(String name) {
        List<String> values = fields.get(name);
        return values == null ? null : values.get(0);
    }

    /** Every value of {@code name}, in order. */
    List<String> all(String name) {
        return fields.getOrDefault(name, List.of());
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
