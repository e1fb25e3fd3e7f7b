package org.opendsr.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The one architecture every DSR service follows, as ArchUnit rules. A service is cut into layers, either directly
 * ({@code org.opendsr.consent.domain}, {@code .application}, {@code .adapters.web}) or first by feature and then by
 * layer ({@code org.opendsr.referral.intake.domain}, {@code ...intake.application}, {@code ...intake.adapters.web});
 * the rules match the layer's package name wherever it sits, so both layouts are held to the same rules.
 *
 * <ul>
 *   <li><b>domain</b>: plain Java. Only {@code java.*} (not {@code java.sql}), domain packages, the kit's {@code RuleBroken}, and the
 *       DSR's published vocabulary: the <em>enums</em> of {@code org.opendsr.contracts} (consent bases, removal
 *       reasons, age bands). Those words are versioned with the event schemas and mean the same in every service;
 *       copying them into each domain would add a mapping per enum and nothing else. The event records, the
 *       catalogue and the codecs stay out: the shape of an event is the messaging adapter's business.</li>
 *   <li><b>application</b>: the use cases. Depends on the domain, on ports it owns (interfaces its adapters
 *       implement) and on the kit's ports, rules and caller ({@code org.opendsr.kit.ports}, {@code .rules},
 *       {@code .access}); never on adapters, rows, SQL, Micronaut Data, HTTP, Kafka, or the kit's implementations
 *       (web, outbox, locks, inbox). Transactions ({@code @Transactional}) and injection annotations are allowed.</li>
 *   <li><b>adapters</b>: depend inwards only; one kind of adapter (web, persistence, messaging, scheduling) does
 *       not reach into another, so a controller never reads rows: it asks the application.</li>
 *   <li>HTTP statuses only in {@code adapters.web}; every refusal, the web edge's included, is {@code RuleBroken},
 *       which the kit maps to problem+json in one place ({@code RequestRefused} is the kit's own).</li>
 *   <li>In a layered service every class sits in a layer (but the chassis-rendered {@code ServiceApiDescription}).</li>
 *   <li>A service with no layer at all (the gateway: routing and sign-in at the edge) owns no data: no SQL,
 *       Micronaut Data, Kafka consumer or micronaut-kafka in it. It may hand records to a plain Kafka producer (the
 *       gateway publishes its access records): sending keeps no state, reading a topic would.</li>
 * </ul>
 */
public final class ServiceArchitecture {

    static final String DOMAIN = "..domain..";
    static final String APPLICATION = "..application..";
    static final String ADAPTERS = "..adapters..";
    static final String WEB_ADAPTERS = "..adapters.web..";

    private ServiceArchitecture() {
    }

    /** The published words of the DSR: enums of the event contracts, not its records or machinery. */
    private static final DescribedPredicate<JavaClass> CONTRACT_VOCABULARY = new DescribedPredicate<>(
            "enums of org.opendsr.contracts") {
        @Override
        public boolean test(JavaClass type) {
            JavaClass outermost = type.isArray() ? type.getBaseComponentType() : type;
            return outermost.getPackageName().startsWith("org.opendsr.contracts") && outermost.isEnum();
        }
    };

    private static final DescribedPredicate<JavaClass> PLAIN_JAVA = new DescribedPredicate<>(
            "java.*, the domain, org.opendsr.kit.rules or the contracts' enums") {
        @Override
        public boolean test(JavaClass type) {
            JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
            String name = base.getPackageName();
            boolean javaButNotSql = name.startsWith("java.") && !name.startsWith("java.sql");
            return base.isPrimitive() || javaButNotSql
                    || isIn(name, "domain") || name.equals("org.opendsr.kit.rules")
                    || CONTRACT_VOCABULARY.test(base);
        }
    };

    /** The domain is plain Java. */
    public static final ArchRule DOMAIN_IS_PLAIN_JAVA = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat(PLAIN_JAVA)
            .because("the rules read and test as plain Java, without a framework, database or web")
            .allowEmptyShould(true);

    /** The application depends on the domain and on ports, never on adapters or infrastructure. */
    public static final ArchRule APPLICATION_DEPENDS_INWARDS = noClasses().that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(
                    ADAPTERS, "java.sql..", "javax.sql..", "io.micronaut.data..", "io.micronaut.http..",
                    "org.apache.kafka..", "io.micronaut.configuration.kafka..",
                    "org.opendsr.kit.web..", "org.opendsr.kit.outbox..", "org.opendsr.kit.locks..",
                    "org.opendsr.kit.inbox..")
            .because("use cases talk to the outside through ports they own (repositories, EventOutbox, Locks), "
                    + "so that they run without a database or a broker and refuse with RuleBroken, not HTTP")
            .allowEmptyShould(true);

    /** Adapters depend inwards: one kind of adapter does not use another's classes. */
    public static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = slices().matching("..adapters.(*)..")
            .should().notDependOnEachOther()
            .because("a controller asks the application, it does not read rows or publish events itself")
            .allowEmptyShould(true);

    /** HTTP statuses and RequestRefused live at the web edge only. */
    public static final ArchRule HTTP_REFUSALS_ONLY_IN_WEB_ADAPTERS = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS)
            .and().resideOutsideOfPackage(WEB_ADAPTERS)
            .should().dependOnClassesThat().haveFullyQualifiedName("org.opendsr.kit.web.RequestRefused")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.micronaut.http.HttpStatus")
            .because("refusals are RuleBroken, mapped to problem+json once, at the edge")
            .allowEmptyShould(true);

    /**
     * Even at the web edge a service refuses with RuleBroken (a bad query value is {@code RuleBroken.invalid}), so
     * there is one refusal type and one mapping to problem+json; RequestRefused is the kit's own (and the gateway's,
     * which has no layers).
     */
    public static final ArchRule REFUSALS_ARE_RULE_BROKEN = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.opendsr.kit.web.RequestRefused")
            .because("one refusal type, RuleBroken, mapped to problem+json in one place by the kit")
            .allowEmptyShould(true);

    /**
     * In a layered service every class sits in a layer, so that the rules above see it: a class beside the layers would
     * escape them all. The one exception is the head of the OpenAPI document the chassis renders into the service's
     * root package (chassis/java/ServiceApiDescription.java), which holds annotations only.
     */
    public static final ArchRule EVERY_CLASS_IN_A_LAYER = classes()
            .that().doNotHaveSimpleName("ServiceApiDescription")
            .should().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS)
            .because("a class beside the layers escapes the rules that hold every layer")
            .allowEmptyShould(true);

    /**
     * What an edge may not use: SQL, Micronaut Data, micronaut-kafka (listeners, health) and Kafka's consumers and
     * admin client. A plain producer ({@code org.apache.kafka.clients.producer}, {@code org.apache.kafka.common}) is
     * allowed: the gateway publishes its access records and keeps nothing.
     */
    private static final String[] EDGE_FORBIDDEN = {
        "java.sql..", "javax.sql..", "io.micronaut.data..", "io.micronaut.configuration.kafka..",
        "org.apache.kafka.clients.consumer..", "org.apache.kafka.clients.admin..", "org.apache.kafka.streams.."};

    /** A service with no layers is an edge (the gateway): it owns no data (it may publish records, not read them). */
    public static final ArchRule AN_EDGE_OWNS_NO_DATA = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(EDGE_FORBIDDEN)
            .because("a service without a domain keeps no state: data belongs to a layered service")
            .allowEmptyShould(true);

    /** The rules for a service cut into layers (directly or by feature). */
    public static final List<ArchRule> LAYERED = List.of(DOMAIN_IS_PLAIN_JAVA, APPLICATION_DEPENDS_INWARDS,
            ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER, HTTP_REFUSALS_ONLY_IN_WEB_ADAPTERS, REFUSALS_ARE_RULE_BROKEN,
            EVERY_CLASS_IN_A_LAYER);

    /** Whether any class is in a domain, application or adapters package. */
    public static boolean isLayered(JavaClasses service) {
        return service.stream().map(JavaClass::getPackageName)
                .anyMatch(name -> isIn(name, "domain") || isIn(name, "application") || isIn(name, "adapters"));
    }

    /** The rules that apply to these classes: the layered rules, or the edge rule for a service without layers. */
    public static List<ArchRule> rulesFor(JavaClasses service) {
        return isLayered(service) ? LAYERED : List.of(AN_EDGE_OWNS_NO_DATA);
    }

    /** Checks every rule that applies and reports all violations together. */
    public static void check(JavaClasses service) {
        AssertionError failures = null;
        for (ArchRule rule : rulesFor(service)) {
            try {
                rule.check(service);
            } catch (AssertionError failure) {
                if (failures == null) {
                    failures = new AssertionError("The service breaks the DSR architecture (ServiceArchitecture)");
                }
                failures.addSuppressed(failure);
            }
        }
        if (failures != null) {
            throw failures;
        }
    }

    private static boolean isIn(String packageName, String layer) {
        return ("." + packageName + ".").contains("." + layer + ".");
    }
}
