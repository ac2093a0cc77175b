package org.yousaid.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every function gets Powertools' service name, metrics namespace and log level from the template's
 * Globals.
 */
class PowertoolsTemplateTest {

  @Test
  @SuppressWarnings("unchecked")
  void globalsNameTheServiceAndTheMetricsNamespace() {
    Map<String, Object> globals =
        (Map<String, Object>)
            ((Map<String, Object>) SamTemplate.fromClasspath().document().get("Globals"))
                .get("Function");
    Map<String, Object> variables =
        (Map<String, Object>) ((Map<String, Object>) globals.get("Environment")).get("Variables");
    assertEquals("yousaid", variables.get("POWERTOOLS_SERVICE_NAME"));
    assertNotNull(variables.get("POWERTOOLS_METRICS_NAMESPACE"));
    assertEquals("INFO", variables.get("POWERTOOLS_LOG_LEVEL"));
  }
}
