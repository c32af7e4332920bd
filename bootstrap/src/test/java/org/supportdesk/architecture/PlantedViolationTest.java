package org.supportdesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportdesk.adapter.http.portal.probe.LeakyPortal;
import org.supportdesk.adapter.http.probe.HandWiredEndpoint;
import org.supportdesk.adapter.persistence.probe.LeakyStore;
import org.supportdesk.application.probe.LeakyCommand;
import org.supportdesk.domain.probe.LeakyDomainType;
import org.supportdesk.domain.probe.cycle.a.CycleA;
import org.supportdesk.domain.probe.cycle.b.CycleB;

/** Every architecture rule reports the probe classes that break it, so a green ArchitectureTest means something. */
class PlantedViolationTest {
    private static final JavaClasses PROBES = new ClassFileImporter()
            .importClasses(
                    LeakyDomainType.class,
                    CycleA.class,
                    CycleB.class,
                    LeakyCommand.class,
                    LeakyPortal.class,
                    LeakyStore.class,
                    HandWiredEndpoint.class);

    static Stream<ArchRule> rules() {
        return ArchitectureRules.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void every_rule_reports_the_planted_violation(ArchRule rule) {
        assertThat(rule.evaluate(PROBES).hasViolation())
                .as("rule should report a probe: %s", rule.getDescription())
                .isTrue();
    }

    @org.junit.jupiter.api.Test
    void the_rules_cover_all_there_are() {
        assertThat(ArchitectureRules.ALL).hasSize(14);
    }
}
