package clinic.migraine.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.DynamicTest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering every service keeps, as ArchUnit rules for a service's root package ("clinic.migraine.scheduling").
 * Per feature: {@code domain} (plain Java: aggregates, value objects, domain events, ports), {@code application}
 * (use cases), and the adapters {@code messaging} (the only place that knows Avro), {@code persistence} and
 * {@code web}. Each service's {@code ArchitectureTest} runs {@link #checks(String)}, so a violation fails the build:
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> layersStayApart() {
 *     return ServiceLayers.checks("clinic.migraine.scheduling");
 * }
 * }</pre>
 */
public final class ServiceLayers {

    /** Where the refusals every domain shares live (module domain-kernel, itself plain Java). */
    public static final String DOMAIN_KERNEL = "clinic.migraine.domain";
    private static final String EVENTS = "clinic.migraine.events";
    private static final String AVRO = "org.apache.avro";

    private ServiceLayers() {
    }

    /** Every rule, by name, for one service. */
    public static Map<String, ArchRule> rules(String service) {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("domain is plain Java", domainIsPlainJava(service));
        rules.put("only messaging knows Avro", onlyMessagingKnowsAvro(service));
        rules.put("application uses ports only", applicationUsesPortsOnly(service));
        rules.put("web does not touch persistence", webDoesNotTouchPersistence(service));
        rules.put("messaging is only an adapter", messagingIsOnlyAnAdapter(service));
        rules.put("persistence is only an adapter", persistenceIsOnlyAnAdapter(service));
        rules.put("no package cycles", noPackageCycles(service));
        return rules;
    }

    /** The service's production classes (tests excluded: they may reach across layers to set things up). */
    public static JavaClasses mainClasses(String service) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(service);
    }

    /** One test per rule over the service's production classes; a test fails listing every violation. */
    public static Stream<DynamicTest> checks(String service) {
        JavaClasses classes = mainClasses(service);
        return rules(service).entrySet().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getKey(), () -> rule.getValue().check(classes)));
    }

    /** A domain imports only the JDK (not java.sql), the domain kernel and its own service's domain packages. */
    public static ArchRule domainIsPlainJava(String service) {
        return classes().that().resideInAPackage(service + "..domain..")
                .should().onlyDependOnClassesThat(plainJavaOrDomainOf(service))
                .because("the rules must be testable without Spring, a database, Jackson or Avro");
    }

    /** Avro (generated events, the Avro library) is known to messaging only. */
    public static ArchRule onlyMessagingKnowsAvro(String service) {
        return noClasses().that().resideInAPackage(service + "..").and().resideOutsideOfPackage("..messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(EVENTS + "..", AVRO + "..")
                .because("the event contracts may change without touching the rules or the use cases");
    }

    /** Use cases talk to adapters only through the ports they or the domain declare. */
    public static ArchRule applicationUsesPortsOnly(String service) {
        return noClasses().that().resideInAPackage(service + "..application..")
                .should().dependOnClassesThat().resideInAnyPackage(service + "..web..", service + "..messaging..",
                        service + "..persistence..")
                .because("a use case loads and saves through ports, so it can be run against other adapters");
    }

    /** The web reads and writes through use cases, never the tables. */
    public static ArchRule webDoesNotTouchPersistence(String service) {
        return noClasses().that().resideInAPackage(service + "..web..")
                .should().dependOnClassesThat().resideInAPackage(service + "..persistence..");
    }

    /** Messaging calls use cases; it neither reads tables nor serves pages. */
    public static ArchRule messagingIsOnlyAnAdapter(String service) {
        return noClasses().that().resideInAPackage(service + "..messaging..")
                .should().dependOnClassesThat().resideInAnyPackage(service + "..web..", service + "..persistence..");
    }

    /** Persistence implements ports; it neither publishes nor serves pages. */
    public static ArchRule persistenceIsOnlyAnAdapter(String service) {
        return noClasses().that().resideInAPackage(service + "..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage(service + "..web..", service + "..messaging..");
    }

    /** No two packages of the service depend on each other, directly or around a loop. */
    public static ArchRule noPackageCycles(String service) {
        return slices().assignedFrom(packagesOf(service)).should().beFreeOfCycles();
    }

    private static DescribedPredicate<JavaClass> plainJavaOrDomainOf(String service) {
        return new DescribedPredicate<>("are plain Java (java.*, not java.sql), the domain kernel or "
                + service + "'s own domain") {
            @Override
            public boolean test(JavaClass target) {
                JavaClass type = target.isArray() ? target.getBaseComponentType() : target;
                if (type.isPrimitive()) {
                    return true;
                }
                String pkg = type.getPackageName();
                return (pkg.startsWith("java.") && !pkg.startsWith("java.sql"))
                        || pkg.equals(DOMAIN_KERNEL) || pkg.startsWith(DOMAIN_KERNEL + ".")
                        || (pkg.startsWith(service + ".") && (pkg.endsWith(".domain") || pkg.contains(".domain.")));
            }
        };
    }

    private static SliceAssignment packagesOf(String service) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String pkg = javaClass.getPackageName();
                return pkg.equals(service) || pkg.startsWith(service + ".") ? SliceIdentifier.of(pkg)
                        : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages of " + service;
            }
        };
    }
}
