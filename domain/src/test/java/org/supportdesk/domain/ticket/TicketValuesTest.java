package org.supportdesk.domain.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.domain.problem.FieldError;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** The ticket's value objects (§3, §5, §17): what they accept, how they normalise, what they refuse. */
class TicketValuesTest {

    static void assertRefused(Runnable construction, String field) {
        ValidationFailed refusal = catchThrowableOfType(ValidationFailed.class, construction::run);
        assertThat(refusal).as("refused as a validation failure").isNotNull();
        assertThat(refusal.errors()).extracting(FieldError::field).containsOnly(field);
    }

    @Test
    void a_subject_is_trimmed_and_3_to_255_characters() {
        assertThat(new Subject("  abc  ").value()).isEqualTo("abc");
        assertThat(new Subject("x".repeat(255)).value()).hasSize(255);
        assertThat(new Subject("  " + "x".repeat(255) + "  ").value()).hasSize(255);
        assertRefused(() -> new Subject("  ab  "), "subject");
        assertRefused(() -> new Subject("x".repeat(256)), "subject");
        assertRefused(() -> new Subject(null), "subject");
        assertRefused(() -> new Subject("   "), "subject");
    }

    @Test
    void a_description_is_trimmed_and_1_to_50000_characters() {
        assertThat(new Description(" x ").value()).isEqualTo("x");
        assertThat(new Description("y".repeat(50_000)).value()).hasSize(50_000);
        assertRefused(() -> new Description("y".repeat(50_001)), "description");
        assertRefused(() -> new Description(" \n "), "description");
        assertRefused(() -> new Description(null), "description");
    }

    @Test
    void a_body_is_kept_as_written_inside_its_trimmed_edges() {
        String markup = "<script>alert('x')</script>\n\n  indented";
        assertThat(new Body("\n" + markup + "\n").value()).isEqualTo(markup);
    }

    @Test
    void tags_are_trimmed_lowercased_and_deduplicated() {
        Tags tags = Tags.of(List.of(" VIP ", "vip", "Printer", "a-b_c", "0day"));

        assertThat(tags.values()).containsExactly("0day", "a-b_c", "printer", "vip");
        assertThat(tags.toString()).isEqualTo("0day,a-b_c,printer,vip");
        assertThat(Tags.of(List.of())).isEqualTo(Tags.NONE);
    }

    @Test
    void up_to_twenty_tags_and_no_more_counted_after_deduplication() {
        List<String> twenty =
                IntStream.rangeClosed(1, 20).mapToObj(i -> "t" + i).collect(Collectors.toList());
        assertThat(Tags.of(twenty).values()).hasSize(20);

        List<String> twentyWithDuplicates = new ArrayList<>(twenty);
        twentyWithDuplicates.add("T1");
        twentyWithDuplicates.add(" t2 ");
        assertThat(Tags.of(twentyWithDuplicates).values()).hasSize(20);

        List<String> twentyOne = new ArrayList<>(twenty);
        twentyOne.add("t21");
        assertRefused(() -> Tags.of(twentyOne), "tags");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-leading-dash", "_underscore", "has space", "dot.ted", "ümlaut", ""})
    void a_tag_must_match_the_pattern(String tag) {
        assertRefused(() -> Tags.of(List.of(tag)), "tags");
    }

    @Test
    void a_tag_is_at_most_50_characters() {
        assertThat(Tags.of(List.of("a".repeat(50))).values()).hasSize(1);
        assertRefused(() -> Tags.of(List.of("a".repeat(51))), "tags");
    }

    @Test
    void a_missing_tag_is_refused_as_invalid_input() {
        assertRefused(() -> Tags.of(Arrays.asList("vip", null)), "tags");
    }

    @Test
    void the_tags_constructor_does_not_normalise_raw_input() {
        assertRefused(() -> new Tags(new java.util.TreeSet<>(List.of("VIP"))), "tags");
    }

    @Test
    void the_tag_set_cannot_be_changed_from_outside() {
        Tags tags = Tags.of(List.of("a"));
        assertThatThrownBy(() -> tags.values().add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "low,LOW",
        "medium,MEDIUM",
        "high,HIGH",
        "urgent,URGENT",
        "P4,LOW",
        "P3,MEDIUM",
        "P2,HIGH",
        "P1,URGENT",
        "p1,URGENT"
    })
    void priorities_parse_from_names_and_p_aliases(String raw, Priority expected) {
        assertThat(Priority.parse(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"P0", "P5", "critical", "", " high"})
    void other_priorities_are_refused(String raw) {
        assertRefused(() -> Priority.parse(raw), "priority");
    }

    @Test
    void priority_defaults_to_medium_and_aliases_run_p4_to_p1() {
        assertThat(Priority.DEFAULT).isEqualTo(Priority.MEDIUM);
        assertThat(Arrays.stream(Priority.values()).map(Priority::alias)).containsExactly("P4", "P3", "P2", "P1");
        assertRefused(() -> Priority.parse(null), "priority");
    }

    @ParameterizedTest
    @CsvSource({
        "2026,42,TKT-2026-000042",
        "2026,1,TKT-2026-000001",
        "2026,999999,TKT-2026-999999",
        "2026,1000000,TKT-2026-1000000",
        "2031,123456789,TKT-2031-123456789"
    })
    void ticket_numbers_are_zero_padded_to_six_and_widen_past_999999(int year, long sequence, String text) {
        TicketNumber number = new TicketNumber(year, sequence);

        assertThat(number.toString()).isEqualTo(text);
        assertThat(TicketNumber.parse(text)).contains(number);
    }

    @Test
    void a_ticket_number_parses_regardless_of_case_and_surrounding_space() {
        assertThat(TicketNumber.parse(" tkt-2026-000042 ")).contains(new TicketNumber(2026, 42));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "TKT-2026-42",
                "TKT-2026-00042",
                "TKT-2026-0000042",
                "TKT-2026-000000",
                "TKT-26-000042",
                "TKT-20260-000042",
                "TKT-2026-000042x",
                "TKT2026000042",
                "INC-2026-000042",
                "TKT-2026--00042",
                "TKT-2026-1234567890123456789",
                "TKT-0999-000001",
                "TKT-0000-000001",
                ""
            })
    void anything_else_is_not_a_ticket_number(String raw) {
        assertThat(TicketNumber.parse(raw)).isEmpty();
    }

    @Test
    void a_ticket_number_has_a_four_digit_year_and_a_positive_sequence() {
        assertThatThrownBy(() -> new TicketNumber(999, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketNumber(2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_ticket_reference_is_a_uuid_or_a_number() {
        UUID uuid = UUID.fromString("0195f1c2-7e3a-7b41-9c2d-5e6f7a8b9c0d");

        assertThat(TicketRef.parse(uuid.toString())).contains(new TicketId(uuid));
        assertThat(TicketRef.parse(uuid.toString().toUpperCase())).contains(new TicketId(uuid));
        assertThat(TicketRef.parse("TKT-2026-000042")).contains(new TicketNumber(2026, 42));
        assertThat(TicketRef.parse("TKT-2026-1000000")).contains(new TicketNumber(2026, 1_000_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42", "abc", "TKT-2026-42", "TKT-0999-000001", "not-a-uuid-at-all", "../etc/passwd"})
    void anything_else_names_no_ticket(String raw) {
        assertThat(TicketRef.parse(raw)).isEmpty();
    }

    @Test
    void a_missing_reference_names_no_ticket() {
        assertThat(TicketRef.parse(null)).isEmpty();
    }

    @Test
    void an_email_is_trimmed_and_lowercased() {
        assertThat(Email.of("  Rita.Requester@Example.COM ").value()).isEqualTo("rita.requester@example.com");
        assertThat(Email.of("a@b.co")).isEqualTo(new Email("a@b.co"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "plain", "@example.com", "a@", "a@b", "a b@example.com", "a@@example.com", "a@example..com"})
    void malformed_emails_are_refused(String raw) {
        assertRefused(() -> Email.of(raw), "email");
    }

    @Test
    void an_email_is_at_most_254_characters_and_required() {
        String local = "x".repeat(64);
        String longest = local + "@" + "d".repeat(254 - 64 - 1 - 4) + ".com";
        assertThat(longest).hasSize(254);
        assertThat(Email.of(longest).value()).isEqualTo(longest);
        assertRefused(() -> Email.of(local + "@" + "d".repeat(254 - 64 - 4) + ".com"), "email");
        assertRefused(() -> Email.of(null), "email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029"})
    void what_heads_a_mail_is_one_line(String lineBreak) {
        String injected = lineBreak + "Bcc: someone@example.com";
        assertRefused(() -> new Subject("Invoice" + injected), "subject");
        assertRefused(() -> Email.of("a@example.com" + injected), "email");
        assertRefused(
                () -> new Person(
                        new UserId(UUID.randomUUID()),
                        new TenantId(UUID.randomUUID()),
                        Email.of("a@example.com"),
                        "Ann" + injected,
                        Role.CUSTOMER,
                        Optional.empty(),
                        true),
                "name");
        assertThat(new Subject("Invoice\tMarch").value())
                .as("a tab is no line break")
                .isEqualTo("Invoice\tMarch");
    }

    @Test
    void custom_fields_are_a_json_object_of_at_most_16_kilobytes() {
        String prefix = "{\"k\":\"";
        String suffix = "\"}";
        String exactly16k = prefix + "v".repeat(16 * 1024 - prefix.length() - suffix.length()) + suffix;
        assertThat(exactly16k).hasSize(16_384);
        assertThat(new CustomFields(exactly16k).json()).isEqualTo(exactly16k);

        String oneByteMore = prefix + "v".repeat(16 * 1024 - prefix.length() - suffix.length() + 1) + suffix;
        assertRefused(() -> new CustomFields(oneByteMore), "custom_fields");
    }

    @Test
    void custom_fields_are_measured_in_utf8_bytes_not_characters() {
        String prefix = "{\"k\":\"";
        String suffix = "\"}";
        // "é" is two bytes: 8,189 characters of it is 16,378 bytes, plus 8 of framing is 16,386.
        String wide = prefix + "é".repeat(8_189) + suffix;
        assertThat(wide.length()).isLessThan(16 * 1024);
        assertRefused(() -> new CustomFields(wide), "custom_fields");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"text\"", "42", "", "{", "null"})
    void custom_fields_must_be_an_object(String json) {
        assertRefused(() -> new CustomFields(json), "custom_fields");
    }

    @Test
    void statuses_and_kinds_have_snake_case_wire_names() {
        assertThat(Arrays.stream(TicketStatus.values()).map(TicketStatus::wireName))
                .containsExactly("new", "in_progress", "waiting_on_customer", "on_hold", "resolved", "closed");
        assertThat(TicketStatus.parse("waiting_on_customer")).isEqualTo(TicketStatus.WAITING_ON_CUSTOMER);
        assertRefused(() -> TicketStatus.parse("open"), "status");
        assertThat(MessageKind.parsePostable("internal")).isEqualTo(MessageKind.INTERNAL);
        assertRefused(() -> MessageKind.parsePostable("system"), "kind");
    }

    @Test
    void the_resolution_clock_runs_only_in_new_and_in_progress() {
        assertThat(Arrays.stream(TicketStatus.values()).filter(TicketStatus::resolutionClockRuns))
                .containsExactly(TicketStatus.NEW, TicketStatus.IN_PROGRESS);
        assertThat(Arrays.stream(TicketStatus.values()).filter(TicketStatus::isOpen))
                .containsExactly(
                        TicketStatus.NEW,
                        TicketStatus.IN_PROGRESS,
                        TicketStatus.WAITING_ON_CUSTOMER,
                        TicketStatus.ON_HOLD);
    }

    @Test
    void portal_context_values_are_trimmed_and_bounded() {
        PortalContext context = new PortalContext(Optional.of(" https://app.example.com/x "), Optional.empty());
        assertThat(context.pageUrl()).contains("https://app.example.com/x");
        assertRefused(() -> new PortalContext(Optional.of("  "), Optional.empty()), "page_url");
        assertRefused(
                () -> new PortalContext(Optional.empty(), Optional.of("b".repeat(PortalContext.MAX_LENGTH + 1))),
                "browser_info");
    }
}
