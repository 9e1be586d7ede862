package io.vigia.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "224.0.0.1",
        "100.64.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "fd12:3456::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::ffff:10.0.0.1",
        "ff02::1",
        // NAT64 and 6to4 embedding private or loopback IPv4; special-purpose, documentation and
        // benchmarking ranges
        "64:ff9b::7f00:1",
        "64:ff9b::a9fe:a9fe",
        "64:ff9b::10.0.0.1",
        "64:ff9b:1::1",
        "2002:7f00:1::1",
        "2002:a9fe:a9fe::1",
        "2002:c0a8:101::",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",
        "2001:db8::1",
        "100::1",
        "192.0.0.1",
        "192.0.2.10",
        "198.18.0.1",
        "198.19.255.254",
        "198.51.100.7",
        "203.0.113.9",
        "100.127.255.255",
        "192.88.99.1",
        "255.255.255.255",
        "fec0::1"
      })
  void shouldRefuseNonPublicAddresses(String ip) throws Exception {
    assertNotNull(AddressGuard.refusal(InetAddress.getByName(ip)), ip);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "151.101.1.140",
        "2a04:4e42::81",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:808:808::1",
        "100.128.0.1",
        "198.20.0.1",
        "192.0.1.1"
      })
  void shouldAllowPublicAddresses(String ip) throws Exception {
    assertNull(AddressGuard.refusal(InetAddress.getByName(ip)), ip);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2130706433",
        "0177.0.0.1",
        "0x7f.0.0.1",
        "0x7f000001",
        "127.1",
        "010.0.0.1",
        "1.2.3",
        "127.0.0.01"
      })
  void shouldRefuseNonCanonicalNumericHostsBeforeAnyLookup(String host) {
    assertNotNull(AddressGuard.refusalOfHostName(host), host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "8.8.8.8",
        "www.eluniversal.com",
        "1.example",
        "news.google.com",
        "::1",
        "[fd00::1]"
      })
  void shouldLeaveNamesAndCanonicalAddressesToTheAddressCheck(String host) {
    assertNull(AddressGuard.refusalOfHostName(host), host);
  }
}
