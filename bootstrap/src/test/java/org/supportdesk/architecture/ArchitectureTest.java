package org.supportdesk.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Runs every architecture rule over the production classes of all modules. */
@AnalyzeClasses(
        packages = ArchitectureRules.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
    @ArchTest
    static final ArchRule hexagon = ArchitectureRules.hexagon;

    @ArchTest
    static final ArchRule domain_is_pure_java = ArchitectureRules.domain_is_pure_java;

    @ArchTest
    static final ArchRule application_uses_only_domain_and_jdk = ArchitectureRules.application_uses_only_domain_and_jdk;

    @ArchTest
    static final ArchRule adapters_are_isolated = ArchitectureRules.adapters_are_isolated;

    @ArchTest
    static final ArchRule no_package_cycles = ArchitectureRules.no_package_cycles;

    @ArchTest
    static final ArchRule core_never_reads_the_wall_clock = ArchitectureRules.core_never_reads_the_wall_clock;

    @ArchTest
    static final ArchRule portal_sees_only_the_customer_projection =
            ArchitectureRules.portal_sees_only_the_customer_projection;

    @ArchTest
    static final ArchRule commands_are_records = ArchitectureRules.commands_are_records;

    @ArchTest
    static final ArchRule use_cases_are_stateless = ArchitectureRules.use_cases_are_stateless;

    @ArchTest
    static final ArchRule use_cases_are_built_only_by_the_composition =
            ArchitectureRules.use_cases_are_built_only_by_the_composition;

    @ArchTest
    static final ArchRule no_generic_exceptions = ArchitectureRules.no_generic_exceptions;

    @ArchTest
    static final ArchRule no_std_streams_but_the_cli = ArchitectureRules.no_std_streams_but_the_cli;

    @ArchTest
    static final ArchRule no_jul = ArchitectureRules.no_jul;

    @ArchTest
    static final ArchRule no_legacy_dates = ArchitectureRules.no_legacy_dates;

    /** The test-jars of domain and application hold in-memory fakes, not production code. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar!");
        }
    }
}
