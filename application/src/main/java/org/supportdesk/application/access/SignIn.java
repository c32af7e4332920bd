package org.supportdesk.application.access;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
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
import org.supportdesk.domain.tenant.UserId;

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

    /** An id no one has, to look up a password for an address that names no one. */
    private static final UserId NOBODY = new UserId(new UUID(0, 0));

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
                .flatMap(email -> transactions.inTransaction(tenant, () -> {
                    Optional<Person> person = people.personByEmail(tenant, email);
                    // The same two lookups for an unknown address as for a known one, so that the database's
                    // answer time does not tell them apart either.
                    Optional<String> hash = credentials.passwordHash(
                            tenant, person.map(Person::id).orElse(NOBODY));
                    return person.flatMap(p -> hash.map(h -> new Candidate(p, h)));
                })));
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
