package org.yousaid.redaction;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The names of schools (and of the academy trusts that run them) from a council's extract of the
 * DfE register, Get Information About Schools ("All establishment data" or a search result
 * downloaded as CSV; Open Government Licence). Only {@value #NAME_COLUMN} is required; {@value
 * #TRUSTS_COLUMN} is read when present. GIAS files come in Windows-1252; UTF-8 (with or without a
 * byte-order mark) is read too. Closed establishments are kept: parents keep using a school's old
 * name for years.
 *
 * <p>A deployment finds its register through {@link #configured()}: the file named by the
 * environment variable {@value #ENV}, or the resource {@value #RESOURCE} on the classpath (put it
 * in {@code redaction/src/main/resources/} before building), or none.
 */
public final class SchoolRegister {
  public static final String NAME_COLUMN = "EstablishmentName";
  public static final String TRUSTS_COLUMN = "Trusts (name)";
  public static final String ENV = "YOUSAID_SCHOOL_REGISTER";
  public static final String RESOURCE = "/yousaid-school-register.csv";

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private final List<String> schoolNames;
  private final List<String> trustNames;

  private SchoolRegister(List<String> schoolNames, List<String> trustNames) {
    this.schoolNames = List.copyOf(schoolNames);
    this.trustNames = List.copyOf(trustNames);
  }

  public static SchoolRegister empty() {
    return new SchoolRegister(List.of(), List.of());
  }

  public static SchoolRegister read(Path csv) throws IOException {
    return read(Files.readAllBytes(csv));
  }

  public static SchoolRegister read(InputStream csv) throws IOException {
    return read(csv.readAllBytes());
  }

  /**
   * @throws IllegalArgumentException if the file has no {@value #NAME_COLUMN} column
   */
  public static SchoolRegister read(byte[] csv) throws IOException {
    String text = decode(csv);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    Set<String> schools = new LinkedHashSet<>();
    Set<String> trusts = new LinkedHashSet<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> header = parser.getHeaderNames();
      if (!header.contains(NAME_COLUMN)) {
        throw new IllegalArgumentException(
            "not a Get Information About Schools extract: no " + NAME_COLUMN + " column");
      }
      boolean hasTrusts = header.contains(TRUSTS_COLUMN);
      for (CSVRecord r : parser) {
        if (!r.isConsistent() && !r.isSet(NAME_COLUMN)) continue;
        String name = r.get(NAME_COLUMN);
        if (!name.isBlank()) schools.add(name.strip());
        if (hasTrusts && r.isSet(TRUSTS_COLUMN) && !r.get(TRUSTS_COLUMN).isBlank()) {
          trusts.add(r.get(TRUSTS_COLUMN).strip());
        }
      }
    }
    return new SchoolRegister(new ArrayList<>(schools), new ArrayList<>(trusts));
  }

  /** The register this deployment was given (see the class comment), or an empty one. */
  public static SchoolRegister configured() {
    return configured(System.getenv(ENV));
  }

  /** The register at {@code path} if given, else the classpath resource, else none. */
  static SchoolRegister configured(String path) {
    try {
      if (path != null && !path.isBlank()) return read(Path.of(path));
      try (InputStream in = SchoolRegister.class.getResourceAsStream(RESOURCE)) {
        return in == null ? empty() : read(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the school register", e);
    }
  }

  private static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, WINDOWS_1252);
    }
  }

  public List<String> schoolNames() {
    return schoolNames;
  }

  public List<String> trustNames() {
    return trustNames;
  }
}
