package org.yousaid.functions.officer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yousaid.shared.model.Channel;

/** How the import API reads its query: the channel and the explicit column mapping. */
class ImportPageTest {

  @Test
  void theMappingIsEveryMapParameterByColumnName() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("channel", "paper");
    query.put("map.What would help?", "find-information");
    query.put("map.Timestamp", "ignore");
    query.put("map.", "empty-column-name");
    query.put("mapping.Other", "not-a-mapping");
    query.put("Map.Upper", "not-a-mapping-either");
    assertEquals(
        Map.of(
            "What would help?", "find-information",
            "Timestamp", "ignore",
            "", "empty-column-name"),
        ImportPage.mapping(query));
    assertEquals(Map.of(), ImportPage.mapping(Map.of("channel", "email")));
  }

  @Test
  void theChannelIsOneOfTheKnownCodesOrImport() {
    assertEquals(Channel.PAPER, ImportPage.channel(Optional.of("paper")));
    assertEquals(Channel.MEETING, ImportPage.channel(Optional.of("meeting")));
    assertEquals(Channel.EMAIL, ImportPage.channel(Optional.of("email")));
    assertEquals(Channel.IMPORT, ImportPage.channel(Optional.empty()));
    assertEquals(Channel.IMPORT, ImportPage.channel(Optional.of("carrier-pigeon")));
    assertEquals(
        Channel.WEB,
        ImportPage.channel(Optional.of("web")),
        "read as asked; the importer itself refuses web (CsvImportTest)");
  }
}
