package org.yousaid.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yousaid.dynamodblocal.EmbeddedDynamoDb;
import org.yousaid.functions.common.Services;
import org.yousaid.functions.common.http.RateLimiter;
import org.yousaid.functions.common.queue.JobQueue;
import org.yousaid.functions.common.queue.PublishQueue;
import org.yousaid.functions.officer.OfficerConfig;
import org.yousaid.functions.officer.auth.OfficerAuth;
import org.yousaid.functions.officer.auth.OfficerSessions;
import org.yousaid.functions.officer.auth.Session;
import org.yousaid.functions.officer.auth.TokenRevocation;
import org.yousaid.functions.officer.auth.TokenVerifier;
import org.yousaid.local.officer.LocalOfficers;
import org.yousaid.local.officer.LocalPasswordSignIn;
import org.yousaid.local.officer.LocalSigningKey;
import org.yousaid.local.officer.SignInThrottle;
import org.yousaid.publishing.FolderSiteStore;
import org.yousaid.publishing.SitePaths;
import org.yousaid.publishing.SiteStore;
import org.yousaid.shared.storage.Storage;
import org.yousaid.shared.storage.TableSetup;

/**
 * Runs yousaid on a laptop: DynamoDB Local embedded (kept in a folder), every handler of
 * template.yaml behind a local HTTP server on 127.0.0.1, and the demo consultations seeded.
 */
public final class LocalMode implements AutoCloseable {

  public static final String TABLE = "yousaid-local";
  public static final String DEMO_FORM_PATH = "/c/" + DemoData.COUNCIL + "/" + DemoData.LOCAL_OFFER;

  public static final String DEMO_OFFICER = "officer@demo.example";

  /** Logical ids of the template's queues. */
  public static final String ANALYSIS_QUEUE = "AnalysisQueue";

  public static final String PUBLISH_QUEUE = "PublishQueue";

  public static final String IMPORT_QUEUE = "ImportQueue";

  /** As the queues' redrive policies in template.yaml. */
  public static final int MAX_RECEIVE_COUNT = 3;

  private final EmbeddedDynamoDb dynamo;
  private final LocalHttpServer server;
  private final Services services;
  private final LocalSigningKey signingKey;
  private final LocalPasswordSignIn signIn;
  private final LocalOfficers officers;
  private final String newDemoOfficerPassword;
  private final Map<String, InProcessQueue> queues;
  private final List<LocalStream> streams;
  private final FolderSiteStore site;

  private LocalMode(
      EmbeddedDynamoDb dynamo,
      LocalHttpServer server,
      Services services,
      LocalSigningKey signingKey,
      LocalPasswordSignIn signIn,
      LocalOfficers officers,
      String newDemoOfficerPassword,
      Map<String, InProcessQueue> queues,
      List<LocalStream> streams,
      FolderSiteStore site) {
    this.queues = queues;
    this.streams = streams;
    this.site = site;
    this.dynamo = dynamo;
    this.server = server;
    this.services = services;
    this.signingKey = signingKey;
    this.signIn = signIn;
    this.officers = officers;
    this.newDemoOfficerPassword = newDemoOfficerPassword;
  }

  /**
   * Starts everything; port 0 picks a free port. Page feedback from script is allowed from no other
   * site. The public rate limit is off unless {@code PUBLIC_RATE_LIMIT} or {@code
   * -Dyousaid.publicRateLimit} sets one (a laptop has one client).
   */
  public static LocalMode start(Path dataFolder, int port) throws IOException {
    return start(dataFolder, port, org.yousaid.functions.common.http.AllowedOrigins.none());
  }

  /**
   * As {@link #start(Path, int)}, allowing page feedback from script (CORS) from these council
   * sites.
   */
  public static LocalMode start(
      Path dataFolder,
      int port,
      org.yousaid.functions.common.http.AllowedOrigins pageFeedbackOrigins)
      throws IOException {
    return start(
        dataFolder,
        port,
        pageFeedbackOrigins,
        defaultRateLimit(),
        java.util.function.UnaryOperator.identity());
  }

  /**
   * Starts everything with this limit on the public routes (per source IP, as in each Lambda
   * container).
   */
  public static LocalMode start(Path dataFolder, int port, RateLimiter publicRateLimit)
      throws IOException {
    return start(dataFolder, port, publicRateLimit, java.util.function.UnaryOperator.identity());
  }

  /**
   * As {@link #start(Path, int, RateLimiter)}, with the handlers' DynamoDB client passed through
   * {@code wrapClient} first (fault drills wrap it in a {@code FaultInjectingDynamoDb}).
   */
  public static LocalMode start(
      Path dataFolder,
      int port,
      RateLimiter publicRateLimit,
      java.util.function.UnaryOperator<software.amazon.awssdk.services.dynamodb.DynamoDbClient>
          wrapClient)
      throws IOException {
    return start(
        dataFolder,
        port,
        org.yousaid.functions.common.http.AllowedOrigins.none(),
        publicRateLimit,
        wrapClient);
  }

  private static RateLimiter defaultRateLimit() {
    boolean configured =
        System.getenv(RateLimiter.VARIABLE) != null
            || System.getProperty(RateLimiter.PROPERTY) != null;
    return configured ? RateLimiter.fromEnvironment() : RateLimiter.off();
  }

  /** Every setting at once (for {@link LocalModeTestLauncher}). */
  static LocalMode start(
      Path dataFolder,
      int port,
      org.yousaid.functions.common.http.AllowedOrigins pageFeedbackOrigins,
      RateLimiter publicRateLimit,
      java.util.function.UnaryOperator<software.amazon.awssdk.services.dynamodb.DynamoDbClient>
          wrapClient)
      throws IOException {
    EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.persistentIn(dataFolder);
    TableSetup.createIfMissing(dynamo.client(), TABLE);
    String streamArn = TableSetup.keysOnlyStream(dynamo.client(), TABLE);
    DemoData.seed(Storage.of(dynamo.client(), TABLE, Clock.systemUTC()).consultations());
    Services services = new Services(wrapClient.apply(dynamo.client()), TABLE, Clock.systemUTC());
    LocalSigningKey signingKey = LocalSigningKey.inFolder(dataFolder);
    LocalOfficers officers =
        new LocalOfficers(Storage.of(dynamo.client(), TABLE, Clock.systemUTC()).table());
    String newPassword = null;
    if (!officers.exists(DEMO_OFFICER)) {
      newPassword = java.util.UUID.randomUUID().toString().substring(0, 18);
      officers.save(DEMO_OFFICER, newPassword, java.util.Set.of(DemoData.COUNCIL));
    }
    // Local mode plays API Gateway and Cognito: the officer function verifies local tokens with the
    // same TokenVerifier it uses for Cognito's in AWS.
    // Sessions are kept in the table as in AWS; local mode has no refresh tokens to revoke.
    Session session = new Session(false);
    OfficerSessions sessions =
        new OfficerSessions(services.officerSessions(), TokenRevocation.NONE);
    LocalPasswordSignIn signIn =
        new LocalPasswordSignIn(
            officers,
            signingKey,
            session,
            sessions,
            new SignInThrottle(Clock.systemUTC()),
            Clock.systemUTC());
    OfficerAuth officerAuth =
        new OfficerAuth(
            new TokenVerifier(
                signingKey.publicKeys(), LocalSigningKey.ISSUER, LocalSigningKey.AUDIENCE),
            session,
            signIn,
            sessions);
    // One in-process queue per SQS queue of the template, each feeding the function it triggers.
    List<SamTemplate.Function> functions = SamTemplate.fromClasspath().functions();
    Map<String, InProcessQueue> queues = new LinkedHashMap<>();
    functions.stream()
        .filter(SamTemplate.Function::sqsTriggered)
        .forEach(
            f ->
                queues.put(f.queue(), new InProcessQueue(MAX_RECEIVE_COUNT, "local-" + f.queue())));
    InProcessQueue analysisQueue = queues.get(ANALYSIS_QUEUE);
    InProcessQueue publishQueue = queues.get(PUBLISH_QUEUE);
    // The published site lives in the data folder and is served at /published/, as CloudFront
    // serves the bucket.
    FolderSiteStore site = new FolderSiteStore(dataFolder.resolve("site"));
    // The server is bound first so that its address is known: absolute URLs (the page-feedback
    // snippet, links to the published site) come from configuration, never from a request's Host
    // header, which any client can set.
    LocalHttpServer server = new LocalHttpServer(port);
    OfficerConfig officerConfig = officerConfig(System.getenv(), server.port());
    Map<Class<?>, Object> provided =
        Map.ofEntries(
            Map.entry(OfficerConfig.class, officerConfig),
            Map.entry(Services.class, services),
            Map.entry(OfficerAuth.class, officerAuth),
            Map.entry(JobQueue.class, analysisQueue),
            Map.entry(PublishQueue.class, (PublishQueue) publishQueue::send),
            Map.entry(
                org.yousaid.functions.common.queue.ImportQueue.class,
                (org.yousaid.functions.common.queue.ImportQueue) queues.get(IMPORT_QUEUE)::send),
            Map.entry(SiteStore.class, site),
            // Local mode serves the site folder itself: no CDN holds copies to drop.
            Map.entry(
                org.yousaid.publishing.CacheInvalidation.class,
                org.yousaid.publishing.CacheInvalidation.NONE),
            Map.entry(org.yousaid.functions.common.http.AllowedOrigins.class, pageFeedbackOrigins),
            Map.entry(RateLimiter.class, publicRateLimit),
            // Alert emails go into a folder as .eml files, through the same notifier code as SES.
            Map.entry(
                org.yousaid.functions.notifier.MailSender.class,
                new org.yousaid.functions.notifier.FolderMailSender(
                    mailFolder(dataFolder), Clock.systemUTC())),
            Map.entry(
                org.yousaid.functions.notifier.NotifierConfig.class,
                notifierConfig(System.getenv(), server.port())));
    Map<String, Object> handlers = new HashMap<>();
    List<LocalStream> streams = new java.util.ArrayList<>();
    for (SamTemplate.Function function : functions) {
      if (function.streamTriggered()) {
        // The table's stream, read as Lambda's event source mapping reads it in AWS.
        streams.add(
            new LocalStream(
                "local-" + function.logicalId(),
                dynamo.streamsClient(),
                streamArn,
                function,
                () -> streamHandler(instantiate(function.handlerClass(), provided))));
        continue;
      }
      if (function.sqsTriggered() && function.routes().isEmpty()) {
        queues
            .get(function.queue())
            .consumerFactory(() -> sqsHandler(instantiate(function.handlerClass(), provided)));
        continue;
      }
      if (function.routes().isEmpty()) {
        // Steps of the sharded analysis state machine: locally the worker runs their code itself.
        continue;
      }
      Object handler =
          handlers.computeIfAbsent(function.handlerClass(), name -> instantiate(name, provided));
      function.routes().forEach(route -> server.bind(route, httpHandler(handler)));
    }
    server.serveFolder("/" + SitePaths.ROOT, site.root().resolve(SitePaths.ROOT));
    server.start();
    streams.forEach(LocalStream::start);
    return new LocalMode(
        dynamo, server, services, signingKey, signIn, officers, newPassword, queues, streams, site);
  }

  /**
   * The officer function's settings in local mode: {@code PUBLIC_API_URL} and {@code SITE_URL} if
   * set (local mode behind a tunnel or proxy), otherwise this server's own address and the site it
   * serves at /published/.
   */
  static OfficerConfig officerConfig(Map<String, String> environment, int port) {
    Map<String, String> settings = new HashMap<>(environment);
    if (settings.getOrDefault(OfficerConfig.PUBLIC_API_URL, "").isBlank()) {
      settings.put(OfficerConfig.PUBLIC_API_URL, "http://127.0.0.1:" + port);
    }
    settings.remove(OfficerConfig.ANALYSIS_QUEUE_URL);
    settings.remove(OfficerConfig.PUBLISH_QUEUE_URL);
    // Local mode runs on this machine: an Open Referral UK feed served here may be fetched.
    settings.put(OfficerConfig.SERVICES_FEED_FROM_THIS_MACHINE, "true");
    return OfficerConfig.from(settings);
  }

  /**
   * Where local mode writes alert emails: --mail, else YOUSAID_MAIL, else the data folder's mail/.
   */
  public static Path mailFolder(Path dataFolder) {
    String chosen = System.getProperty(MAIL_PROPERTY, System.getenv(MAIL_VARIABLE));
    return chosen == null || chosen.isBlank() ? dataFolder.resolve("mail") : Path.of(chosen);
  }

  static final String MAIL_PROPERTY = "yousaid.mail";
  static final String MAIL_VARIABLE = "YOUSAID_MAIL";

  /**
   * The notifier's settings in local mode: links to this server (or PUBLIC_API_URL and SITE_URL if
   * set), from ALERT_SENDER or an address in the reserved .invalid domain.
   */
  static org.yousaid.functions.notifier.NotifierConfig notifierConfig(
      Map<String, String> environment, int port) {
    String here = "http://127.0.0.1:" + port;
    String publicUrl = environment.getOrDefault(OfficerConfig.PUBLIC_API_URL, "");
    String siteUrl = environment.getOrDefault("SITE_URL", "");
    String sender = environment.getOrDefault("ALERT_SENDER", "");
    return new org.yousaid.functions.notifier.NotifierConfig(
        sender.isBlank() ? "alerts@yousaid.invalid" : sender,
        publicUrl.isBlank() ? here : publicUrl,
        siteUrl.isBlank() ? here : siteUrl);
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> httpHandler(
      Object handler) {
    return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) handler;
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<
          com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
          com.amazonaws.services.lambda.runtime.events.StreamsEventResponse>
      streamHandler(Object handler) {
    return (RequestHandler<
            com.amazonaws.services.lambda.runtime.events.DynamodbEvent,
            com.amazonaws.services.lambda.runtime.events.StreamsEventResponse>)
        handler;
  }

  @SuppressWarnings("unchecked")
  private static RequestHandler<
          com.amazonaws.services.lambda.runtime.events.SQSEvent,
          com.amazonaws.services.lambda.runtime.events.SQSBatchResponse>
      sqsHandler(Object handler) {
    return (RequestHandler<
            com.amazonaws.services.lambda.runtime.events.SQSEvent,
            com.amazonaws.services.lambda.runtime.events.SQSBatchResponse>)
        handler;
  }

  /**
   * Creates a handler with the richest public constructor whose parameters local mode can provide.
   */
  static Object instantiate(String className, Map<Class<?>, Object> provided) {
    try {
      Class<?> type = Class.forName(className);
      java.lang.reflect.Constructor<?> best = null;
      for (java.lang.reflect.Constructor<?> c : type.getConstructors()) {
        boolean satisfiable =
            c.getParameterCount() > 0
                && java.util.Arrays.stream(c.getParameterTypes()).allMatch(provided::containsKey);
        if (satisfiable && (best == null || c.getParameterCount() > best.getParameterCount())) {
          best = c;
        }
      }
      if (best == null) {
        throw new IllegalStateException(
            "template.yaml names handler "
                + className
                + ", which has no constructor local mode can call");
      }
      Object[] args =
          java.util.Arrays.stream(best.getParameterTypes()).map(provided::get).toArray();
      return best.newInstance(args);
    } catch (ClassNotFoundException | InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException(
          "template.yaml names handler " + className + ", which local mode cannot create", e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("Handler " + className + " failed to start", e.getCause());
    }
  }

  public LocalSigningKey signingKey() {
    return signingKey;
  }

  /**
   * A token for a signed-in officer with these council groups, its session started as the sign-in
   * form starts it (for tests and benchmarks that need an officer without typing a password).
   */
  public String officerSignIn(
      String subject, String email, List<String> groups, java.time.Duration validity) {
    return signIn.signIn(subject, email, groups, validity);
  }

  public LocalOfficers officers() {
    return officers;
  }

  public InProcessQueue analysisQueue() {
    return queues.get(ANALYSIS_QUEUE);
  }

  public InProcessQueue importQueue() {
    return queues.get(IMPORT_QUEUE);
  }

  public InProcessQueue publishQueue() {
    return queues.get(PUBLISH_QUEUE);
  }

  /** Where this local mode writes alert emails. */
  public Path mailFolder() {
    return mailFolder(site.root().getParent());
  }

  /** Where the published site is written (served at /published/). */
  public FolderSiteStore site() {
    return site;
  }

  public int port() {
    return server.port();
  }

  public Services services() {
    return services;
  }

  /** DynamoDB Local's own client, never wrapped: for reading back what was really stored. */
  public software.amazon.awssdk.services.dynamodb.DynamoDbClient storageClient() {
    return dynamo.client();
  }

  @Override
  public void close() {
    server.close();
    streams.forEach(LocalStream::close);
    queues.values().forEach(InProcessQueue::close);
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
      } else if (args[i].equals("--mail")) {
        System.setProperty(MAIL_PROPERTY, args[i + 1]);
      }
    }
    LocalMode local =
        start(data, port, org.yousaid.functions.common.http.AllowedOrigins.fromEnvironment());
    Runtime.getRuntime().addShutdownHook(new Thread(local::close));
    System.out.println("yousaid is running on http://127.0.0.1:" + local.port());
    System.out.println("  demo consultation:  http://127.0.0.1:" + local.port() + DEMO_FORM_PATH);
    System.out.println(
        "  EHC plan survey:    http://127.0.0.1:"
            + local.port()
            + "/c/"
            + DemoData.COUNCIL
            + "/"
            + DemoData.EHC_SURVEY);
    System.out.println("  officer pages:      http://127.0.0.1:" + local.port() + "/officer");
    System.out.println(
        "  published site:     http://127.0.0.1:"
            + local.port()
            + "/"
            + SitePaths.council(DemoData.COUNCIL)
            + "index.html"
            + " (after an officer publishes)");
    if (local.newDemoOfficerPassword != null) {
      System.out.println(
          "  demo officer:       "
              + DEMO_OFFICER
              + " / "
              + local.newDemoOfficerPassword
              + "  (shown once; add accounts with bin/officer)");
    }
    System.out.println(
        "  alert emails:       written as .eml files to " + mailFolder(data).toAbsolutePath());
    System.out.println("  answers are kept in " + data.toAbsolutePath() + " (stop with Ctrl+C)");
    // Months of made-up page feedback and EHC stage answers for the dashboards, once, in the
    // background.
    Thread demoAnswers =
        new Thread(
            () -> {
              try {
                int added = DemoData.seedAnswers(local.services(), Clock.systemUTC());
                if (added > 0) {
                  System.out.println(
                      "  demo answers:       "
                          + added
                          + " page feedback and EHC stage survey answers added for the dashboards");
                }
              } catch (RuntimeException stopped) {
                // Local mode stopped half-way; the next start adds them again.
              }
            },
            "demo-answers");
    demoAnswers.setDaemon(true);
    demoAnswers.start();
  }
}
