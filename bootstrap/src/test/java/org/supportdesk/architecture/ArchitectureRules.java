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
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Set;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.call.ListOwnCalls;
import org.supportdesk.application.call.RequestCallBack;
import org.supportdesk.application.conversation.ReplyAsCustomer;
import org.supportdesk.application.kb.ReadArticle;
import org.supportdesk.application.kb.SearchArticles;
import org.supportdesk.application.kb.SuggestArticles;
import org.supportdesk.application.query.GetCustomerTicket;
import org.supportdesk.application.query.ListCategories;
import org.supportdesk.application.query.ListCustomerMessages;
import org.supportdesk.application.query.ListCustomerTickets;
import org.supportdesk.application.query.ShowCustomerProfile;
import org.supportdesk.application.ticket.CloseOwnTicket;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.application.ticket.GiveFeedback;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallNote;
import org.supportdesk.domain.call.CallStatus;
import org.supportdesk.domain.call.CustomerCallView;
import org.supportdesk.domain.call.PhoneNumber;
import org.supportdesk.domain.kb.ArticleBody;
import org.supportdesk.domain.kb.ArticleHit;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.kb.PublishedArticle;
import org.supportdesk.domain.kb.SearchText;
import org.supportdesk.domain.kb.Snippet;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Language;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.Feedback;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.MessageKind;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Rating;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;

/**
 * The architecture as rules (CONVENTIONS.md §9): the hexagon, a pure domain, isolated adapters, no cycles, no hidden
 * time, records for commands, stateless use cases built in one place, a portal that sees only what customers may.
 * Declared once here: {@code ArchitectureTest} runs every {@code @ArchTest} of this class over the production
 * classes, and {@code PlantedViolationTest} runs the very same rules against probe classes.
 */
final class ArchitectureRules {
    static final String ROOT = "org.supportdesk";

    private ArchitectureRules() {}

    // Optional layers only while adapter-notify holds no code; its issue drops the allowance.
    @ArchTest
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

    @ArchTest
    static final ArchRule domain_is_pure_java = classes()
            .that()
            .resideInAPackage(ROOT + ".domain..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(ROOT + ".domain..", "java..")
            .because("the domain jar is embedded in other JVM applications");

    @ArchTest
    static final ArchRule application_uses_only_domain_and_jdk = classes()
            .that()
            .resideInAPackage(ROOT + ".application..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(ROOT + ".application..", ROOT + ".domain..", "java..", "javax.crypto..")
            .because("the JDK is java.* and, for HMAC and AES-GCM (webhook signatures, sealed secrets; docs/adr/0012),"
                    + " javax.crypto of java.base; no library");

    @ArchTest
    static final ArchRule adapters_are_isolated =
            slices().matching(ROOT + ".adapter.(*)..").should().notDependOnEachOther();

    @ArchTest
    static final ArchRule no_package_cycles =
            slices().matching(ROOT + ".(**)").should().beFreeOfCycles();

    @ArchTest
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

    /** What the customer portal may touch: customer views, value objects and the customer use cases, no more. */
    private static final DescribedPredicate<JavaClass> CUSTOMER_FACING = JavaClass.Predicates.resideInAnyPackage(
                    "java..",
                    "io.javalin..",
                    "com.fasterxml.jackson..",
                    ROOT + ".adapter.http",
                    ROOT + ".adapter.http.auth..",
                    ROOT + ".adapter.http.json..",
                    ROOT + ".adapter.http.portal..",
                    ROOT + ".domain.visibility..",
                    ROOT + ".domain.problem..")
            .or(JavaClass.Predicates.belongToAnyOf(
                    UseCases.Portal.class,
                    ListCustomerTickets.class,
                    FileTicket.class,
                    GetCustomerTicket.class,
                    ListCustomerMessages.class,
                    ReplyAsCustomer.class,
                    CloseOwnTicket.class,
                    ShowCustomerProfile.class,
                    ListCategories.class,
                    // Attachments (§6): the customer's upload and download, and the values they carry.
                    org.supportdesk.application.attachment.UploadAttachment.class,
                    org.supportdesk.application.attachment.DownloadAttachment.class,
                    org.supportdesk.application.attachment.IncomingFile.class,
                    org.supportdesk.domain.ticket.AttachmentId.class,
                    Page.class,
                    PageRequest.class,
                    CustomerActor.class,
                    Person.class,
                    Organization.class,
                    OrganizationId.class,
                    UserId.class,
                    Email.class,
                    Role.class,
                    // The language of the customer's own mail, shown on their profile.
                    Language.class,
                    Category.class,
                    TicketId.class,
                    TicketRef.class,
                    TicketNumber.class,
                    Subject.class,
                    Description.class,
                    Body.class,
                    Priority.class,
                    TicketStatus.class,
                    PortalContext.class,
                    MessageId.class,
                    MessageKind.class,
                    Via.class,
                    // §9 feedback: the requester rates their ticket; the rating and feedback are theirs to see.
                    GiveFeedback.class,
                    Rating.class,
                    Feedback.class,
                    // The knowledge base as customers read it: published articles only, by their own use cases.
                    SearchArticles.class,
                    ReadArticle.class,
                    SuggestArticles.class,
                    ArticleId.class,
                    ArticleTitle.class,
                    ArticleBody.class,
                    ArticleHit.class,
                    PublishedArticle.class,
                    Snippet.class,
                    SearchText.class,
                    // Call-backs as customers see them: their own requests, nothing of the staff's work on them.
                    RequestCallBack.class,
                    ListOwnCalls.class,
                    CallId.class,
                    CallStatus.class,
                    CustomerCallView.class,
                    PhoneNumber.class,
                    CallNote.class,
                    // In-app notifications: the customer's own, which carry a topic, their ticket and its subject only.
                    org.supportdesk.application.notify.ListNotifications.class,
                    org.supportdesk.application.notify.ReadNotification.class,
                    org.supportdesk.application.notify.ReadAllNotifications.class,
                    org.supportdesk.domain.port.Notification.class,
                    org.supportdesk.domain.port.NotificationId.class,
                    org.supportdesk.domain.port.NotificationIntent.NotificationTopic.class));

    @ArchTest
    static final ArchRule portal_sees_only_the_customer_projection = classes()
            .that()
            .resideInAPackage(ROOT + ".adapter.http.portal..")
            .should()
            .onlyDependOnClassesThat(CUSTOMER_FACING)
            .because("customers get CustomerTicketView and CustomerMessageView, which cannot carry internal data; an"
                    + " allow-list, so a new staff type cannot slip in unnoticed");

    @ArchTest
    static final ArchRule http_never_touches_the_ticket_aggregate = noClasses()
            .that()
            .resideInAPackage(ROOT + ".adapter.http..")
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(Ticket.class)
            .because("driving adapters call use cases and render their results; only the core changes a ticket");

    @ArchTest
    static final ArchRule daos_are_package_private = classes()
            .that()
            .haveSimpleNameEndingWith("Dao")
            .should()
            .notBePublic()
            .andShould()
            .notBeProtected()
            .andShould()
            .notBePrivate()
            .allowEmptyShould(true)
            .because("SQL stays inside the persistence adapter, behind the stores that implement the ports");

    private static final Set<String> UNITS_OF_WORK = Set.of("TicketChanges", "AdminWork", "TicketSlaClocks");

    /** A use case (an application class with a public {@code handle}) or one of the units of work use cases share. */
    static final DescribedPredicate<JavaClass> USE_CASE_OR_UNIT_OF_WORK = DescribedPredicate.describe(
            "a use case or a unit of work",
            type -> type.getPackageName().startsWith(ROOT + ".application.")
                    && (UNITS_OF_WORK.contains(type.getSimpleName())
                            || type.getMethods().stream()
                                    .anyMatch(method -> method.getName().equals("handle")
                                            && method.getModifiers().contains(JavaModifier.PUBLIC))));

    @ArchTest
    static final ArchRule use_cases_are_built_only_by_the_composition = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(ROOT + ".application.UseCases")
            .should()
            .callConstructorWhere(target(owner(USE_CASE_OR_UNIT_OF_WORK)))
            .because("UseCases.over is the one composition of the core, shared by the server, every test harness and"
                    + " embedders");

    @ArchTest
    static final ArchRule commands_are_records = classes()
            .that()
            .resideInAPackage(ROOT + ".application..")
            .and()
            .haveSimpleNameEndingWith("Command")
            .should()
            .beRecords();

    @ArchTest
    static final ArchRule use_cases_are_stateless = fields().that()
            .areDeclaredInClassesThat()
            .resideInAPackage(ROOT + ".application..")
            .and()
            .areNotStatic()
            .should()
            .beFinal();

    @ArchTest
    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule no_std_streams_but_the_cli = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(ROOT + ".bootstrap.Main")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("everything but the command line logs through SLF4J");

    @ArchTest
    static final ArchRule no_jul = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
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
}
