package org.supportdesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportdesk.adapter.http.portal.probe.LeakyPortal;
import org.supportdesk.adapter.http.probe.HandWiredEndpoint;
import org.supportdesk.adapter.persistence.probe.LeakyStore;
import org.supportdesk.adapter.persistence.probe.PublicDao;
import org.supportdesk.application.probe.LeakyCommand;
import org.supportdesk.domain.probe.LeakyDomainType;
import org.supportdesk.domain.probe.cycle.a.CycleA;
import org.supportdesk.domain.probe.cycle.b.CycleB;

/**
 * Every architecture rule reports exactly the probe classes planted to break it, so a green ArchitectureTest means
 * something: a rule that stops biting, or bites for the wrong reason, fails here by name.
 */
class PlantedViolationTest {
    private static final List<Class<?>> PROBES = List.of(
            LeakyDomainType.class,
            CycleA.class,
            CycleB.class,
            LeakyCommand.class,
            LeakyPortal.class,
            LeakyStore.class,
            HandWiredEndpoint.class,
            PublicDao.class);
    private static final JavaClasses IMPORTED = new ClassFileImporter().importClasses(PROBES);

    /** For every rule, the probes it must report, and no others. */
    private static final Map<String, Set<Class<?>>> CAUGHT = Map.ofEntries(
            // The domain probe reaches into the application too, but the probes hold no application class for the
            // layers to place it in: domain_is_pure_java is the rule that catches it.
            Map.entry("hexagon", Set.of(LeakyCommand.class, LeakyPortal.class, LeakyStore.class)),
            Map.entry("domain_is_pure_java", Set.of(LeakyDomainType.class)),
            Map.entry("application_uses_only_domain_and_jdk", Set.of(LeakyCommand.class)),
            Map.entry("adapters_are_isolated", Set.of(LeakyPortal.class, LeakyStore.class)),
            // LeakyPortal and LeakyStore reach each other across their packages: a second cycle.
            Map.entry("no_package_cycles", Set.of(CycleA.class, CycleB.class, LeakyPortal.class, LeakyStore.class)),
            Map.entry("core_never_reads_the_wall_clock", Set.of(LeakyDomainType.class)),
            Map.entry("portal_sees_only_the_customer_projection", Set.of(LeakyPortal.class)),
            Map.entry("http_never_touches_the_ticket_aggregate", Set.of(LeakyPortal.class)),
            Map.entry("daos_are_package_private", Set.of(PublicDao.class)),
            Map.entry("use_cases_are_built_only_by_the_composition", Set.of(HandWiredEndpoint.class)),
            Map.entry("commands_are_records", Set.of(LeakyCommand.class)),
            Map.entry("use_cases_are_stateless", Set.of(LeakyCommand.class)),
            Map.entry("no_generic_exceptions", Set.of(LeakyDomainType.class)),
            Map.entry("no_std_streams_but_the_cli", Set.of(LeakyDomainType.class)),
            Map.entry("no_jul", Set.of(LeakyDomainType.class)),
            Map.entry("no_legacy_dates", Set.of(LeakyDomainType.class)));

    /** The rules exactly as ArchitectureTest runs them: every {@code @ArchTest} rule of {@link ArchitectureRules}. */
    static Stream<Arguments> rules() {
        return declaredRules().entrySet().stream().map(rule -> Arguments.of(rule.getKey(), rule.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void every_rule_reports_exactly_the_probes_planted_for_it(String name, ArchRule rule) {
        List<String> violations = rule.evaluate(IMPORTED).getFailureReport().getDetails();

        Set<Class<?>> reported = violations.stream()
                .flatMap(String::lines)
                .map(PlantedViolationTest::violator)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());

        assertThat(CAUGHT).as("the probes rule %s must catch", name).containsKey(name);
        assertThat(reported).as("probes reported by %s:%n%s", name, violations).isEqualTo(CAUGHT.get(name));
    }

    @Test
    void every_expectation_names_a_rule_that_exists() {
        assertThat(CAUGHT.keySet()).isEqualTo(declaredRules().keySet());
    }

    private static Map<String, ArchRule> declaredRules() {
        return Arrays.stream(ArchitectureRules.class.getDeclaredFields())
                .filter(field -> field.isAnnotationPresent(ArchTest.class)
                        && Modifier.isStatic(field.getModifiers())
                        && ArchRule.class.isAssignableFrom(field.getType()))
                .collect(Collectors.toMap(Field::getName, PlantedViolationTest::rule));
    }

    private static ArchRule rule(Field field) {
        try {
            field.setAccessible(true);
            return (ArchRule) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(field.getName(), e);
        }
    }

    /**
     * The probe a violation line is about: the first one it names, since ArchUnit names the violating class before
     * the class it wrongly reaches ("Method <A.m()> calls method <B.n()>").
     */
    private static Optional<Class<?>> violator(String line) {
        return PROBES.stream()
                .filter(probe -> firstMention(line, probe) >= 0)
                .min(Comparator.comparingInt(probe -> firstMention(line, probe)));
    }

    /** Where the line first names the probe itself (not a class whose name merely starts with it); -1 if nowhere. */
    private static int firstMention(String line, Class<?> probe) {
        String name = probe.getName();
        int at = line.indexOf(name);
        while (at >= 0) {
            int end = at + name.length();
            if (end == line.length() || !Character.isJavaIdentifierPart(line.charAt(end))) {
                return at;
            }
            at = line.indexOf(name, end);
        }
        return -1;
    }
}
