package org.supportdesk.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;
import java.util.Set;
import org.supportdesk.application.query.TicketDetail;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketState;

/**
 * The architecture as rules (CONVENTIONS.md §9): the hexagon, a pure domain, isolated adapters, no cycles, no hidden
 * time, records for commands, stateless use cases. Kept apart from the test that runs them so the planted-violation
 * test can run the very same rules against probe classes.
 */
final class ArchitectureRules {
    static final String ROOT = "org.supportdesk";

    private ArchitectureRules() {}

    // Optional layers only while adapter-notify holds no code; its issue drops the allowance.
    static final ArchRule hexagon = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage(ROOT + "..")
            .withOptionalLayers(true)
            .layer("Domain")
            .definedBy(ROOT + ".domain..")
            .layer("Application")
            .definedBy(ROOT + ".application..")
            .layer("Http")
            .definedBy(ROOT + ".adapter.http..")
            .layer("Persistence")
            .definedBy(ROOT + ".adapter.persistence..")
            .layer("Notify")
            .definedBy(ROOT + ".adapter.notify..")
            .layer("Bootstrap")
            .definedBy(ROOT + ".bootstrap..")
            .whereLayer("Bootstrap")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Http")
            .mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Persistence")
            .mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Notify")
            .mayOnlyBeAccessedByLayers("Bootstrap")
            .whereLayer("Application")
            .mayOnlyBeAccessedByLayers("Http", "Persistence", "Notify", "Bootstrap")
            .whereLayer("Domain")
            .mayOnlyBeAccessedByLayers("Application", "Http", "Persistence", "Notify", "Bootstrap")
            .ensureAllClassesAreContainedInArchitecture();

    static final ArchRule domain_is_pure_java = classes()
            .that()
            .resideInAPackage(ROOT + ".domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(ROOT + ".domain..", "java..")
            .because("the domain jar is embedded in other JVM applications");

    static final ArchRule application_uses_only_domain_and_jdk = classes()
            .that()
            .resideInAPackage(ROOT + ".application..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(ROOT + ".application..", ROOT + ".domain..", "java..");

    static final ArchRule adapters_are_isolated =
            slices().matching(ROOT + ".adapter.(*)..").should().notDependOnEachOther();

    static final ArchRule no_package_cycles =
            slices().matching(ROOT + ".(**)").should().beFreeOfCycles();

    static final ArchRule core_never_reads_the_wall_clock = noClasses()
            .that()
            .resideInAnyPackage(ROOT + ".domain..", ROOT + ".application..")
            .should()
            .callMethodWhere(target(name("now")).and(target(owner(JavaClass.Predicates.resideInAPackage("java.time")))))
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .because("SLA maths and history must be a pure function of their inputs: time comes from InstantSource");

    static final ArchRule portal_sees_only_the_customer_projection = noClasses()
            .that()
            .resideInAPackage(ROOT + ".adapter.http.portal..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(Ticket.class, TicketState.class, Message.class, TicketDetail.class)
            .because("customers get CustomerTicketView and CustomerMessageView, which cannot carry internal data");

    private static final Set<String> UNITS_OF_WORK = Set.of("TicketChanges", "AdminWork", "SlaClocks");

    /** A use case (an application class with a public {@code handle}) or one of the units of work use cases share. */
    static final DescribedPredicate<JavaClass> USE_CASE_OR_UNIT_OF_WORK = DescribedPredicate.describe(
            "a use case or a unit of work",
            type -> type.getPackageName().startsWith(ROOT + ".application.")
                    && (UNITS_OF_WORK.contains(type.getSimpleName())
                            || type.getMethods().stream()
                                    .anyMatch(method -> method.getName().equals("handle")
                                            && method.getModifiers().contains(JavaModifier.PUBLIC))));

    static final ArchRule use_cases_are_built_only_by_the_composition = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(ROOT + ".application.UseCases")
            .should()
            .callConstructorWhere(target(owner(USE_CASE_OR_UNIT_OF_WORK)))
            .because("UseCases.over is the one composition of the core, shared by the server, every test harness and"
                    + " embedders");

    static final ArchRule commands_are_records = classes()
            .that()
            .resideInAPackage(ROOT + ".application..")
            .and()
            .haveSimpleNameEndingWith("Command")
            .should()
            .beRecords();

    static final ArchRule use_cases_are_stateless = fields().that()
            .areDeclaredInClassesThat()
            .resideInAPackage(ROOT + ".application..")
            .and()
            .areNotStatic()
            .should()
            .beFinal();

    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    static final ArchRule no_std_streams_but_the_cli = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(ROOT + ".bootstrap.Main")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("everything but the command line logs through SLF4J");

    static final ArchRule no_jul = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    static final ArchRule no_legacy_dates = noClasses()
            .that()
            .resideOutsideOfPackage(ROOT + ".adapter.http.auth")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(
                    java.util.Date.class,
                    java.util.Calendar.class,
                    java.sql.Date.class,
                    java.sql.Time.class,
                    java.sql.Timestamp.class)
            .because("java.time says what we mean; only the JWT library's API, met in adapter.http.auth, speaks Date");

    static final List<ArchRule> ALL = List.of(
            hexagon,
            domain_is_pure_java,
            application_uses_only_domain_and_jdk,
            adapters_are_isolated,
            no_package_cycles,
            core_never_reads_the_wall_clock,
            portal_sees_only_the_customer_projection,
            commands_are_records,
            use_cases_are_stateless,
            use_cases_are_built_only_by_the_composition,
            no_generic_exceptions,
            no_std_streams_but_the_cli,
            no_jul,
            no_legacy_dates);
}
