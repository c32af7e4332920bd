package org.supportdesk.adapter.http.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    final ClientAddress behindBalancers = ClientAddress.behind(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

    @Test
    void without_trusted_proxies_the_socket_peer_is_the_client_whatever_the_header_claims() {
        assertThat(ClientAddress.direct().of("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
    }

    @Test
    void a_trusted_proxy_s_header_names_the_last_hop_that_is_not_ours() {
        assertThat(behindBalancers.of("10.1.2.3", "198.51.100.1, 203.0.113.9, 10.4.5.6"))
                .isEqualTo("203.0.113.9");
        assertThat(behindBalancers.of("192.168.1.7", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(behindBalancers.of("fd00::1", "2001:db8::5")).isEqualTo("2001:db8::5");
    }

    @Test
    void a_client_cannot_choose_its_address_by_sending_the_header_itself() {
        assertThat(behindBalancers.of("203.0.113.9", "10.0.0.1")).isEqualTo("203.0.113.9");
        assertThat(behindBalancers.of("192.168.1.8", "198.51.100.1")).isEqualTo("192.168.1.8");
    }

    @Test
    void a_proxy_without_a_header_or_with_only_our_own_hops_falls_back_sensibly() {
        assertThat(behindBalancers.of("10.1.2.3", null)).isEqualTo("10.1.2.3");
        assertThat(behindBalancers.of("10.1.2.3", " , ")).isEqualTo("10.1.2.3");
        assertThat(behindBalancers.of("10.1.2.3", "10.9.9.9, 10.8.8.8")).isEqualTo("10.9.9.9");
    }

    @Test
    void names_are_never_looked_up_and_a_long_hop_is_cut() {
        assertThat(behindBalancers.of("10.1.2.3", "localhost")).isEqualTo("localhost");
        assertThat(behindBalancers.of("10.1.2.3", "x".repeat(500))).hasSize(64);
    }

    @Test
    void an_entry_that_is_no_address_or_range_is_refused() {
        assertThatThrownBy(() -> ClientAddress.behind(List.of("proxy.example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAddress.behind(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAddress.behind(List.of("10.0.0.0/x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
