package org.opendsr.gateway.subjectaccess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The human-readable subject access export: one HTML document, printable, rendered from the same document as the
 * JSON through Thymeleaf ({@code templates/subject-access-export.html}). Every value is written with {@code th:text},
 * which escapes it, so nothing a service holds (free text included) can become markup. Each part is shown as its
 * sections, a table per section with a column per field; what was redacted and which parts are missing come first,
 * so that a reader knows what the document does not hold before reading what it does.
 */
@Singleton
public class ExportPage {

    static final String CONTENT_TYPE = "text/html; charset=UTF-8";

    private final TemplateEngine engine;

    public ExportPage() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ExportPage.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
    }

    @SuppressWarnings("unchecked")
    public String render(Map<String, Object> document) {
        Context context = new Context(Locale.UK);
        context.setVariable("document", document);
        context.setVariable("request", document.getOrDefault("request", Map.of()));
        context.setVariable("parts", partsOf((Map<String, Object>) document.getOrDefault("parts", Map.of())));
        return engine.process("subject-access-export", context);
    }

    /** Each part as a title and its sections, each section as its columns and rows of text. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> partsOf(Map<String, Object> parts) {
        List<Map<String, Object>> shown = new ArrayList<>();
        parts.forEach((service, value) -> {
            Map<String, Object> part = value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
            Object sections = part.getOrDefault("sections", Map.of());
            List<Map<String, Object>> sectionsShown = new ArrayList<>();
            if (sections instanceof Map<?, ?> bySection) {
                bySection.forEach((name, rows) -> sectionsShown.add(sectionOf(String.valueOf(name), rows)));
            }
            Map<String, Object> partShown = new LinkedHashMap<>();
            partShown.put("service", service);
            partShown.put("compiledAt", String.valueOf(part.getOrDefault("compiledAt", "")));
            partShown.put("sections", sectionsShown);
            shown.add(partShown);
        });
        return shown;
    }

    private static Map<String, Object> sectionOf(String name, Object rows) {
        List<Map<?, ?>> rowMaps = new ArrayList<>();
        if (rows instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).map(row -> (Map<?, ?>) row).forEach(rowMaps::add);
        }
        Set<String> columns = new LinkedHashSet<>();
        rowMaps.forEach(row -> row.keySet().forEach(key -> columns.add(String.valueOf(key))));
        List<List<String>> cells = new ArrayList<>();
        for (Map<?, ?> row : rowMaps) {
            List<String> line = new ArrayList<>();
            for (String column : columns) {
                Object cell = row.get(column);
                line.add(cell == null ? "" : cell instanceof Boolean yes ? (yes ? "yes" : "no") : String.valueOf(cell));
            }
            cells.add(line);
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("title", inWords(name));
        section.put("columns", columns.stream().map(ExportPage::inWords).toList());
        section.put("rows", cells);
        return section;
    }

    /** {@code keyProfessionals} as "Key professionals": field names read as words. */
    static String inWords(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.UK);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
