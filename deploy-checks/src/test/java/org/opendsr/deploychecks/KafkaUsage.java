package org.opendsr.deploychecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.opendsr.contracts.EventCatalogue;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;

/**
 * What a service's code does with Kafka today, read from its sources so the ACLs are checked against the code and
 * not against a list kept by hand: its consumer groups and the topics each reads (listener classes annotated
 * {@code @DsrEventListener} or {@code @KafkaListener} with their {@code @Topic}s), the topics it publishes (the event
 * types it appends to its outbox, mapped to their topic by the {@link EventCatalogue}) and the dead-letter topics it
 * writes (one per topic it reads: the kit's DeadLetters sends there).
 *
 * <p>Constants are resolved the way the code spells them: {@code Topics.X} and {@code EventTypes.X} from
 * event-contracts, a group id from a {@code static final String} of the listener class, or a string literal.
 * Anything else fails, so a new way of naming a group or topic makes this check stricter, not silently blind.
 * A listener subscribed by pattern ({@code @Topic(patterns = Topics.X)}, e.g. every agency's own inbound topic) reads
 * every topic of deploy/k8s whose name the pattern matches (the whole name, as Kafka matches it), so each agency topic
 * the cluster defines must be in the reader's ACLs, and no other.
 */
record KafkaUsage(String module, Map<String, Set<String>> topicsByGroup, Set<String> publishedTopics,
                  Set<String> publishedEventTypes) {

    private static final Pattern LISTENER = Pattern.compile(
            "@(?:DsrEventListener|KafkaListener)\\s*\\(([^)]*)\\)");
    private static final Pattern GROUP_ID = Pattern.compile("groupId\\s*=\\s*([^,)]+)");
    private static final Pattern TOPIC = Pattern.compile("@Topic\\s*\\(([^)]*)\\)");
    private static final Pattern OUTBOX_APPEND = Pattern.compile("\\bappend\\s*\\(([^;]*?)\\)\\s*;", Pattern.DOTALL);
    private static final Pattern EVENT_TYPE = Pattern.compile("\\bEventTypes\\.([A-Z0-9_]+)");

    static KafkaUsage of(String module) {
        Map<String, Set<String>> topicsByGroup = new TreeMap<>();
        Set<String> publishedTypes = new TreeSet<>();
        for (Path source : sources(module)) {
            String code = Repository.read(source);
            Matcher listener = LISTENER.matcher(code);
            boolean isListener = listener.find();
            Matcher topic = TOPIC.matcher(code);
            Set<String> topics = new TreeSet<>();
            while (topic.find()) {
                // One topic or several ({@code @Topic({Topics.A, Topics.B})}): the braces say nothing about which.
                for (String expression : topic.group(1).replace("{", "").replace("}", "").split(",")) {
                    if (expression.trim().startsWith("patterns")) {
                        Pattern pattern = Pattern.compile(resolve(expression.replaceFirst("^\\s*patterns\\s*=", ""),
                                Topics.class, code, source));
                        clusterTopics().stream().filter(name -> pattern.matcher(name).matches()).forEach(topics::add);
                        continue;
                    }
                    topics.add(resolve(expression.replaceFirst("^\\s*value\\s*=", ""), Topics.class, code, source));
                }
            }
            if (isListener) {
                Matcher group = GROUP_ID.matcher(listener.group(1));
                if (!group.find()) {
                    throw new AssertionError(source + ": a listener without an explicit groupId");
                }
                String groupId = resolve(group.group(1), null, code, source);
                if (topics.isEmpty()) {
                    throw new AssertionError(source + ": a listener with no @Topic this check understands");
                }
                topicsByGroup.computeIfAbsent(groupId, g -> new TreeSet<>()).addAll(topics);
            } else if (!topics.isEmpty()) {
                throw new AssertionError(source + ": @Topic outside a listener class this check understands");
            }
            // Code that appends to the outbox: the port (EventOutbox) or, in the kit's own tests, the Outbox itself.
            if (code.contains("import org.opendsr.kit.ports.EventOutbox;")
                    || code.contains("import org.opendsr.kit.outbox.Outbox;")) {
                Matcher append = OUTBOX_APPEND.matcher(code);
                while (append.find()) {
                    Matcher type = EVENT_TYPE.matcher(append.group(1));
                    while (type.find()) {
                        publishedTypes.add(constant(EventTypes.class, type.group(1), source));
                    }
                }
            }
        }
        Set<String> publishedTopics = new TreeSet<>();
        publishedTypes.forEach(type -> publishedTopics.add(EventCatalogue.of(type).topic()));
        return new KafkaUsage(module, topicsByGroup, publishedTopics, publishedTypes);
    }

    /** The topics deploy/k8s defines (KafkaTopic resources). */
    static Set<String> clusterTopics() {
        Set<String> names = new TreeSet<>();
        Manifests.ofKind(Manifests.allClusterResources(), "KafkaTopic")
                .forEach(topic -> names.add(topic.node().path("spec").path("topicName").asText()));
        return names;
    }

    Set<String> groups() {
        return topicsByGroup.keySet();
    }

    Set<String> readTopics() {
        Set<String> topics = new TreeSet<>();
        topicsByGroup.values().forEach(topics::addAll);
        return topics;
    }

    /** The group of the service's dead-letter office (service-kit's DeadLetterIntake), which every data service has. */
    String deadLetterOfficeGroup() {
        return module + ".dead-letter-office";
    }

    /** What its dead-letter office reads: the dead-letter topic of every topic it reads. */
    Set<String> deadLetterTopicsRead() {
        Set<String> topics = new TreeSet<>();
        readTopics().forEach(topic -> topics.add(Topics.deadLetterTopicOf(topic)));
        return topics;
    }

    /** Published topics plus the dead-letter topic of every topic it reads. */
    Set<String> writtenTopics() {
        Set<String> topics = new TreeSet<>(publishedTopics);
        readTopics().forEach(topic -> topics.add(Topics.deadLetterTopicOf(topic)));
        return topics;
    }

    /** The catalogue's publisher of each type this service appends to its outbox. */
    Set<String> cataloguedSourcesOfWhatItPublishes() {
        Set<String> sources = new TreeSet<>();
        publishedEventTypes.forEach(type -> sources.add(EventCatalogue.of(type).source()));
        return sources;
    }

    static List<Path> sources(String module) {
        Path root = Repository.ROOT.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(root)) {
            return List.of(); // a service still to be written: the chassis gives it everything but its code
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A string literal, a {@code Topics.X} constant, or a {@code [Class.]NAME} constant declared in the same file. */
    private static String resolve(String expression, Class<?> contracts, String code, Path source) {
        String trimmed = expression.trim();
        if (trimmed.matches("\"[^\"]*\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        if (contracts != null && trimmed.startsWith(contracts.getSimpleName() + ".")) {
            return constant(contracts, trimmed.substring(contracts.getSimpleName().length() + 1), source);
        }
        String name = trimmed.substring(trimmed.lastIndexOf('.') + 1);
        Matcher declared = Pattern.compile("static\\s+final\\s+String\\s+" + Pattern.quote(name) + "\\s*=\\s*\"([^\"]+)\"")
                .matcher(code);
        if (trimmed.matches("([A-Z][A-Za-z0-9]*\\.)?[A-Z][A-Z0-9_]*") && declared.find()) {
            return declared.group(1);
        }
        throw new AssertionError(source + ": cannot resolve " + trimmed + " (a literal, " + (contracts == null ? ""
                : contracts.getSimpleName() + ".X or ") + "a constant of the same class)");
    }

    private static String constant(Class<?> type, String name, Path source) {
        try {
            Field field = type.getField(name);
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(source + ": " + type.getSimpleName() + "." + name + " does not exist", e);
        }
    }

    @Override
    public String toString() {
        return module + " reads " + topicsByGroup + ", publishes " + publishedTopics;
    }
}
