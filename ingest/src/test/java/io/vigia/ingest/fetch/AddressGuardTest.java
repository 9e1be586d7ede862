package io.vigia.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
      "224.0.0.1", "100.64.0.1", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
      "::ffff:10.0.0.1", "ff02::1"})
  void shouldRefuseNonPublicAddresses(String ip) throws Exception {
    assertNotNull(AddressGuard.refusal(InetAddress.getByName(ip)), ip);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "151.101.1.140", "2a04:4e42::81", "::ffff:8.8.8.8"})
  void shouldAllowPublicAddresses(String ip) throws Exception {
    assertNull(AddressGuard.refusal(InetAddress.getByName(ip)), ip);
  }
}
