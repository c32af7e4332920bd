package org.supportdesk.application.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;

class SignInTest extends UseCaseTest {
    @BeforeEach
    void passwords() {
        core.transactions.inTransaction(acme.tenant, () -> {
            for (Person person : acme.everyone()) {
                core.credentials.setPasswordHash(
                        acme.tenant, person.id(), core.passwordHashing.hash(new Password("secret-" + person.name())));
            }
            return null;
        });
    }

    @Test
    void the_right_password_signs_in_and_every_failure_answers_the_same_nothing() {
        assertThat(signIn("acme", "agnes@acme.example", "secret-Agnes")).contains(acme.agent);
        assertThat(signIn("acme", " AGNES@acme.example ", "secret-Agnes")).contains(acme.agent);

        assertThat(signIn("acme", "agnes@acme.example", "wrong")).isEmpty();
        assertThat(signIn("nope", "agnes@acme.example", "secret-Agnes")).isEmpty();
        assertThat(signIn("acme", "nobody@acme.example", "secret-Agnes")).isEmpty();
        assertThat(signIn("acme", "not an address", "secret-Agnes")).isEmpty();
        assertThat(signIn("acme", "dora@acme.example", "secret-Dora")).isEmpty(); // deactivated
    }

    private java.util.Optional<Person> signIn(String tenant, String email, String password) {
        return core.useCases.access().signIn().handle(new SignIn.Command(tenant, email, password));
    }
}
