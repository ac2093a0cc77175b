package org.yousaid.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Plays the Lambda runtime for one cold start, in a JVM whose classpath is one function's shaded
 * jar (plus this class): loads the handler class, creates it with the constructor Lambda uses,
 * optionally runs the SnapStart checkpoint hooks (priming), then handles one event and prints one
 * result line, {@code COLDSTART status=.. init_ms=.. prime_ms=.. invoke_ms=..}, for {@link
 * ColdStartBenchmark}.
 *
 * <p>It deliberately uses only the Lambda interfaces and Jackson (both in every function jar) and
 * reflection, so it runs against any of the four artefacts.
 *
 * <p>Usage: {@code ColdStartDriver <handler class> http|sqs <event file> cold|primed [publisher
 * site folder]}. For sqs the file holds the message body. With a site folder the publisher is
 * created with a folder site (the benchmark has no S3) instead of its no-argument constructor.
 */
public final class ColdStartDriver {

  private ColdStartDriver() {}

  public static void main(String[] args) throws Exception {
    String handlerClass = args[0];
    boolean sqs = args[1].equals("sqs");
    Path eventFile = Path.of(args[2]);
    boolean primed = args[3].equals("primed");

    long t0 = System.nanoTime();
    Class<?> type = Class.forName(handlerClass);
    Object handler;
    if (args.length > 4) {
      // PublishHandler(Services.fromEnvironment(), new FolderSiteStore(folder)), by reflection.
      Class<?> services = Class.forName("org.yousaid.functions.common.Services");
      Class<?> siteStore = Class.forName("org.yousaid.publishing.SiteStore");
      Object site =
          Class.forName("org.yousaid.publishing.FolderSiteStore")
              .getConstructor(Path.class)
              .newInstance(Path.of(args[4]));
      handler =
          type.getConstructor(services, siteStore)
              .newInstance(services.getMethod("fromEnvironment").invoke(null), site);
      // As the Lambda constructor would: register the priming with CRaC (kept referenced by the
      // local below).
      Object priming =
          registerPriming(
              type, "PublishFunction", "org.yousaid.functions.publisher.PublisherPriming");
      keep(priming);
    } else {
      handler = type.getConstructor().newInstance();
    }
    long t1 = System.nanoTime();
    if (primed) {
      // What Lambda does before taking the snapshot: every registered CRaC resource's
      // beforeCheckpoint.
      checkpointHooks(handler);
    }
    long t2 = System.nanoTime();

    ObjectMapper json =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    Object event;
    if (sqs) {
      SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
      message.setMessageId(UUID.randomUUID().toString());
      message.setBody(Files.readString(eventFile, StandardCharsets.UTF_8));
      message.setEventSource("aws:sqs");
      SQSEvent e = new SQSEvent();
      e.setRecords(List.of(message));
      event = e;
    } else {
      event = json.readValue(eventFile.toFile(), APIGatewayV2HTTPEvent.class);
    }
    @SuppressWarnings("unchecked")
    RequestHandler<Object, Object> lambda = (RequestHandler<Object, Object>) handler;
    long t3 = System.nanoTime();
    Object response =
        lambda.handleRequest(
            event,
            new BenchContext(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "bench")));
    long t4 = System.nanoTime();
    String status =
        response instanceof com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse r
            ? Integer.toString(r.getStatusCode())
            : response instanceof com.amazonaws.services.lambda.runtime.events.SQSBatchResponse b
                ? (b.getBatchItemFailures().isEmpty() ? "ok" : "failed")
                : "?";
    System.out.printf(
        java.util.Locale.ROOT,
        "COLDSTART status=%s init_ms=%.1f prime_ms=%.1f invoke_ms=%.1f%n",
        status,
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6,
        (t4 - t3) / 1e6);
    System.out.flush();
    System.exit(0);
  }

  private static Object registerPriming(Class<?> handlerType, String function, String primingClass)
      throws Exception {
    Class<?> priming = Class.forName(primingClass);
    java.util.function.Supplier<Object> work =
        () -> {
          try {
            return priming.getMethod("prime").invoke(null);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
          }
        };
    return Class.forName("org.yousaid.functions.common.priming.SnapStartPriming")
        .getMethod("register", String.class, java.util.function.Supplier.class)
        .invoke(null, function, work);
  }

  private static Object kept;

  private static void keep(Object o) {
    kept = o;
  }

  /**
   * Runs the checkpoint hook. org.crac on a JVM without CRaC does not keep its resources (its
   * global context refuses beforeCheckpoint), so the handler's own priming (field {@code priming},
   * as every handler keeps it) is called directly. Powertools' metrics hook is not registered
   * before a snapshot: metrics are muted while priming, so MetricsFactory is first loaded after the
   * restore.
   */
  private static void checkpointHooks(Object handler) throws Exception {
    Object priming = kept;
    if (priming == null) {
      java.lang.reflect.Field field = handler.getClass().getDeclaredField("priming");
      field.setAccessible(true);
      priming = field.get(handler);
    }
    Class<?> resource = Class.forName("org.crac.Resource");
    Class<?> context = Class.forName("org.crac.Context");
    resource.getMethod("beforeCheckpoint", context).invoke(priming, (Object) null);
  }

  /** The context the runtime passes; only names and ids, no remaining-time logic. */
  private record BenchContext(String functionName, String requestId) implements Context {
    BenchContext(String functionName) {
      this(functionName, UUID.randomUUID().toString());
    }

    @Override
    public String getAwsRequestId() {
      return requestId;
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
      return "bench";
    }

    @Override
    public String getFunctionName() {
      return functionName;
    }

    @Override
    public String getFunctionVersion() {
      return "1";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:eu-west-2:123456789012:function:" + functionName + ":live";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 900_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          System.out.print(message);
        }

        @Override
        public void log(byte[] message) {
          System.out.write(message, 0, message.length);
        }
      };
    }
  }
}
