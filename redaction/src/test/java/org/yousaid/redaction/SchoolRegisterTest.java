package org.yousaid.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A council's extract of Get Information About Schools, dropped in. */
class SchoolRegisterTest {
  static SchoolRegister register;
  static Redaction withRegister;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in = resource("gias-extract-windows-1252.csv")) {
      register = SchoolRegister.read(in);
    }
    withRegister = Redaction.withRegister(register);
  }

  @Test
  void readsEstablishmentNamesAndTrustsInWindows1252() {
    assertTrue(register.schoolNames().contains("Pendragon Community Primary School"));
    assertTrue(register.schoolNames().contains("St Michael\u2019s Catholic Academy"));
    assertTrue(register.schoolNames().contains("Bishop Hooper Church of England Primary School"));
    assertEquals(java.util.List.of("Pendragon Learning Trust"), register.trustNames());
  }

  @Test
  void readsUtf8WithAByteOrderMarkToo() throws Exception {
    try (InputStream in = resource("gias-extract-utf8-bom.csv")) {
      SchoolRegister utf8 = SchoolRegister.read(in);
      assertEquals(register.schoolNames(), utf8.schoolNames());
      assertEquals(register.trustNames(), utf8.trustNames());
    }
  }

  @Test
  void aFileWithoutEstablishmentNameIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SchoolRegister.read(resource("not-a-register.csv").readAllBytes()));
    assertTrue(e.getMessage().contains("EstablishmentName"));
  }

  @Test
  void theEnvironmentVariableNamesTheFile() throws Exception {
    Path file = Path.of(SchoolRegisterTest.class.getResource("/gias-extract-utf8-bom.csv").toURI());
    assertEquals(register.schoolNames(), SchoolRegister.configured(file.toString()).schoolNames());
    assertEquals(0, SchoolRegister.configured(null).schoolNames().size());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // full names in lower case: only the register knows them
        "my son goes to ashlawn school and loves it",
        // a register stem before a school word, in lower case
        "pendragon primary were great with him",
        // a two-word stem on its own, capitalised
        "she has been at Tanyard Oak since reception",
        // a closed school's old name, written with C of E
        "he was at bishop hooper c of e primary",
        // the trust that runs them
        "pendragon learning trust would not fund it",
      })
  void theRegisterFindsWhatTheShippedListsCannot(String text) {
    assertEquals(text, Redaction.withRegister(SchoolRegister.empty()).redact(text));
    String redacted = withRegister.redact(text);
    assertTrue(
        redacted.contains("[school]") || redacted.contains("[organisation]"),
        () -> "not redacted: " + redacted);
  }

  @Test
  void genericNamesInTheRegisterDoNotRedactGenericPhrases() {
    String text = "the village school is tiny and the school was lovely";
    assertEquals(text, withRegister.redact(text));
  }

  private static InputStream resource(String name) throws URISyntaxException {
    return SchoolRegisterTest.class.getResourceAsStream("/" + name);
  }
}
