package org.yousaid.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;
import org.yousaid.functions.common.Services;
import org.yousaid.shared.storage.TableSetup;

/**
 * Runs yousaid on a laptop: DynamoDB Local embedded (kept in a folder), every handler of
 * template.yaml behind a local HTTP server on 127.0.0.1, and the demo consultations seeded.
 */
public final class LocalMode implements AutoCloseable {

  public static final String TABLE = "yousaid-local";
  public static final String DEMO_FORM_PATH = "/c/" + DemoData.COUNCIL + "/" + DemoData.LOCAL_OFFER;

  private final EmbeddedDynamoDb dynamo;
  private final LocalHttpServer server;
  private final Services services;

  private LocalMode(EmbeddedDynamoDb dynamo, LocalHttpServer server, Services services) {
    this.dynamo = dynamo;
    this.server = server;
    this.services = services;
  }

  /** Starts everything; port 0 picks a free port. */
  public static LocalMode start(Path dataFolder, int port) throws IOException {
    EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.persistentIn(dataFolder);
    TableSetup.createIfMissing(dynamo.client(), TABLE);
    Services services = new Services(dynamo.client(), TABLE, Clock.systemUTC());
    DemoData.seed(services.consultations());
    LocalHttpServer server = new LocalHttpServer(port);
    Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers = new HashMap<>();
    for (SamTemplate.Function function : SamTemplate.fromClasspath().functions()) {
      if (function.routes().isEmpty()) {
        continue;
      }
      var handler = handlers.computeIfAbsent(function.handlerClass(), name -> instantiate(name, services));
      function.routes().forEach(route -> server.bind(route, handler));
    }
    server.start();
    return new LocalMode(dynamo, server, services);
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> instantiate(String className, Services services) {
    try {
      Class<?> type = Class.forName(className);
      return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) type.getConstructor(Services.class).newInstance(services);
    } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("template.yaml names handler " + className + ", which local mode cannot create", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("Handler " + className + " failed to start", e.getCause());
    }
  }

  public int port() {
    return server.port();
  }

  public Services services() {
    return services;
  }

  @Override
  public void close() {
    server.close();
    dynamo.close();
  }

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(System.getenv().getOrDefault("YOUSAID_PORT", "8080"));
    Path data = Path.of(System.getenv().getOrDefault("YOUSAID_DATA", ".local-data"));
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--port")) {
        port = Integer.parseInt(args[i + 1]);
      } else if (args[i].equals("--data")) {
        data = Path.of(args[i + 1]);
      }
    }
    LocalMode local = start(data, port);
    Runtime.getRuntime().addShutdownHook(new Thread(local::close));
    System.out.println("yousaid is running on http://127.0.0.1:" + local.port());
    System.out.println("  demo consultation:  http://127.0.0.1:" + local.port() + DEMO_FORM_PATH);
    System.out.println("  EHC plan survey:    http://127.0.0.1:" + local.port() + "/c/" + DemoData.COUNCIL + "/" + DemoData.EHC_SURVEY);
    System.out.println("  answers are kept in " + data.toAbsolutePath() + " (stop with Ctrl+C)");
  }
}
