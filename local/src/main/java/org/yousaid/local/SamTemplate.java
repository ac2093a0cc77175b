package org.yousaid.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the SAM template: its resources, and for each function the handler class and HTTP API
 * routes. CloudFormation's short tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}) are read as
 * {@code {"Ref": value}}-style maps, like their long forms.
 */
public final class SamTemplate {

  /** One route of the HTTP API. */
  public record Route(String method, String path) {
    public String routeKey() {
      return method + " " + path;
    }
  }

  /**
   * One AWS::Serverless::Function. {@code queue}: the logical id of the SQS queue that triggers it,
   * or null. {@code stream}: its DynamoDB stream event's properties (StartingPosition,
   * FilterCriteria, ...), or null.
   */
  public record Function(
      String logicalId,
      String handlerClass,
      List<Route> routes,
      Map<String, Object> properties,
      String queue,
      Map<String, Object> stream) {

    public boolean sqsTriggered() {
      return queue != null;
    }

    public boolean streamTriggered() {
      return stream != null;
    }

    /** The event-filter patterns (JSON) of its stream event; a record must match one. */
    @SuppressWarnings("unchecked")
    public List<String> streamFilters() {
      Map<String, Object> criteria =
          (Map<String, Object>) stream.getOrDefault("FilterCriteria", Map.of());
      return ((List<Map<String, Object>>) criteria.getOrDefault("Filters", List.of()))
          .stream().map(f -> String.valueOf(f.get("Pattern"))).toList();
    }
  }

  private final Map<String, Object> document;

  private SamTemplate(Map<String, Object> document) {
    this.document = document;
  }

  public static SamTemplate fromClasspath() {
    try (InputStream in = SamTemplate.class.getResourceAsStream("template.yaml")) {
      if (in == null) {
        throw new IllegalStateException("template.yaml is missing from the local-mode jar");
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static SamTemplate parse(InputStream yaml) {
    return new SamTemplate(
        (Map<String, Object>) new Yaml(new CloudFormationConstructor()).load(yaml));
  }

  public Map<String, Object> document() {
    return document;
  }

  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> resources() {
    return (Map<String, Map<String, Object>>) document.get("Resources");
  }

  @SuppressWarnings("unchecked")
  public List<Function> functions() {
    List<Function> functions = new ArrayList<>();
    resources()
        .forEach(
            (id, resource) -> {
              if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
              }
              Map<String, Object> props = (Map<String, Object>) resource.get("Properties");
              String handler = String.valueOf(props.get("Handler"));
              List<Route> routes = new ArrayList<>();
              Map<String, Map<String, Object>> events =
                  (Map<String, Map<String, Object>>) props.getOrDefault("Events", Map.of());
              String queue = null;
              Map<String, Object> stream = null;
              for (Map<String, Object> event : events.values()) {
                if ("HttpApi".equals(event.get("Type"))) {
                  Map<String, Object> ep = (Map<String, Object>) event.get("Properties");
                  routes.add(
                      new Route(
                          String.valueOf(ep.get("Method")).toUpperCase(java.util.Locale.ROOT),
                          String.valueOf(ep.get("Path"))));
                }
                if ("DynamoDB".equals(event.get("Type"))) {
                  stream = (Map<String, Object>) event.get("Properties");
                }
                if ("SQS".equals(event.get("Type"))) {
                  // Queue: !GetAtt AnalysisQueue.Arn -> {"Fn::GetAtt": "AnalysisQueue.Arn"}
                  Object ref = ((Map<String, Object>) event.get("Properties")).get("Queue");
                  Object getAtt = ref instanceof Map<?, ?> m ? m.get("Fn::GetAtt") : null;
                  queue =
                      getAtt == null
                          ? String.valueOf(ref)
                          : String.valueOf(getAtt).split("\\.", 2)[0];
                }
              }
              functions.add(
                  new Function(id, handler.split("::", 2)[0], routes, props, queue, stream));
            });
    return functions;
  }

  /**
   * Maps every {@code !Tag value} to {@code {"Tag": value}}, as CloudFormation's long form would.
   */
  private static final class CloudFormationConstructor extends SafeConstructor {
    CloudFormationConstructor() {
      super(new LoaderOptions());
      this.yamlMultiConstructors.put(
          "!",
          new AbstractConstruct() {
            @Override
            public Object construct(Node node) {
              String tag = node.getTag().getValue().substring(1);
              Object value;
              if (node instanceof ScalarNode scalar) {
                value = constructScalar(scalar);
              } else if (node instanceof SequenceNode sequence) {
                value = constructSequence(sequence);
              } else {
                value = constructMapping((MappingNode) node);
              }
              Map<String, Object> longForm = new LinkedHashMap<>();
              longForm.put(tag.equals("Ref") ? "Ref" : "Fn::" + tag, value);
              return longForm;
            }
          });
    }
  }
}
