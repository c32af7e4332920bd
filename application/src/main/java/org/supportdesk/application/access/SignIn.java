package org.supportdesk.application.access;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.supportdesk.domain.port.Credentials;
import org.supportdesk.domain.port.PasswordHashing;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.Tenants;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;

/**
 * Someone signs in with their tenant's slug, email and password (§12). An unknown tenant, an unknown address, a wrong
 * password, a person without a password and a deactivated person all get the same empty answer, and each runs one
 * password verification (against a decoy hash when there is nothing to check), so neither the answer nor its timing
 * tells which it was.
 */
public final class SignIn {
    public record Command(String tenant, String email, String password) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "SignIn.Command[tenant=" + tenant + ", email=" + email + ", password=redacted]";
        }
    }

    private final Tenants tenants;
    private final People people;
    private final Credentials credentials;
    private final PasswordHashing hashing;
    private final TransactionRunner transactions;
    private final AtomicReference<String> decoy = new AtomicReference<>();

    public SignIn(
            Tenants tenants,
            People people,
            Credentials credentials,
            PasswordHashing hashing,
            TransactionRunner transactions) {
        this.tenants = tenants;
        this.people = people;
        this.credentials = credentials;
        this.hashing = hashing;
        this.transactions = transactions;
    }

    /** The person who signed in; empty for every kind of failure. */
    public Optional<Person> handle(Command command) {
        Optional<Candidate> candidate = tenants.bySlug(command.tenant()).flatMap(tenant -> email(command.email())
                .flatMap(email -> transactions.inTransaction(
                        tenant, () -> people.personByEmail(tenant, email).flatMap(person -> credentials
                                .passwordHash(tenant, person.id())
                                .map(hash -> new Candidate(person, hash))))));
        // Verify outside the transaction: the key derivation is slow on purpose and needs no connection.
        boolean matches = hashing.verify(
                command.password(), candidate.map(Candidate::hash).orElseGet(this::decoyHash));
        return candidate.filter(c -> matches).map(Candidate::person).filter(Person::active);
    }

    private record Candidate(Person person, String hash) {}

    private static Optional<Email> email(String raw) {
        try {
            return Optional.of(Email.of(raw));
        } catch (ValidationFailed | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private String decoyHash() {
        String hash = decoy.get();
        if (hash == null) {
            hash = hashing.hash(new Password("decoy-password-that-matches-nothing"));
            decoy.compareAndSet(null, hash);
        }
        return hash;
    }
}
