package org.yousaid.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.yousaid.functions.common.queue.JobQueue;

/**
 * Local mode's SQS: delivers each message to the worker as an SQS event on one background thread,
 * retries a failed message up to {@code maxReceiveCount} times, then parks it in a dead-letter list
 * that {@link #redrive()} sends back, as SQS's redrive does.
 */
public final class InProcessQueue implements JobQueue, AutoCloseable {

  private record Message(String id, String body, AtomicInteger receives) {}

  private final ExecutorService worker;
  private final List<Message> deadLetters = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final int maxReceiveCount;
  private volatile RequestHandler<SQSEvent, SQSBatchResponse> consumer;
  private volatile java.util.function.Supplier<RequestHandler<SQSEvent, SQSBatchResponse>>
      consumerFactory;

  public InProcessQueue(int maxReceiveCount) {
    this(maxReceiveCount, "local-queue");
  }

  /**
   * @param name names the delivery thread, e.g. after the template's queue
   */
  public InProcessQueue(int maxReceiveCount, String name) {
    this.maxReceiveCount = maxReceiveCount;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, name);
              t.setDaemon(true);
              return t;
            });
  }

  /** Delivers to this handler from now on. */
  public void consumer(RequestHandler<SQSEvent, SQSBatchResponse> consumer) {
    this.consumer = consumer;
  }

  /**
   * Creates the consumer on the first message: the analysis worker loads its models when built, and
   * local mode should start in seconds whether or not anyone asks for themes.
   */
  public void consumerFactory(
      java.util.function.Supplier<RequestHandler<SQSEvent, SQSBatchResponse>> factory) {
    this.consumerFactory = factory;
  }

  private synchronized RequestHandler<SQSEvent, SQSBatchResponse> currentConsumer() {
    if (consumer == null && consumerFactory != null) {
      consumer = consumerFactory.get();
    }
    return consumer;
  }

  @Override
  public void send(String body) {
    submit(new Message(UUID.randomUUID().toString(), body, new AtomicInteger()));
  }

  private void submit(Message message) {
    inFlight.incrementAndGet();
    worker.execute(
        () -> {
          try {
            deliver(message);
          } finally {
            inFlight.decrementAndGet();
          }
        });
  }

  private void deliver(Message message) {
    while (true) {
      int receive = message.receives().incrementAndGet();
      boolean failed;
      try {
        SQSEvent.SQSMessage sqs = new SQSEvent.SQSMessage();
        sqs.setMessageId(message.id());
        sqs.setBody(message.body());
        sqs.setAttributes(java.util.Map.of("ApproximateReceiveCount", Integer.toString(receive)));
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(sqs));
        RequestHandler<SQSEvent, SQSBatchResponse> handler = currentConsumer();
        if (handler == null) {
          throw new IllegalStateException("no consumer");
        }
        SQSBatchResponse response = handler.handleRequest(event, null);
        failed =
            response != null
                && response.getBatchItemFailures() != null
                && !response.getBatchItemFailures().isEmpty();
      } catch (RuntimeException | Error crash) {
        // A crash of the function counts as a failed receive, as in Lambda.
        failed = true;
      }
      if (!failed) {
        return;
      }
      if (receive >= maxReceiveCount) {
        deadLetters.add(message);
        return;
      }
    }
  }

  /** Messages that failed every attempt. */
  public int deadLetterCount() {
    return deadLetters.size();
  }

  /** Sends every dead letter back to the queue with a fresh receive count; returns how many. */
  public int redrive() {
    List<Message> moved = new ArrayList<>(deadLetters);
    deadLetters.removeAll(moved);
    moved.forEach(m -> submit(new Message(m.id(), m.body(), new AtomicInteger())));
    return moved.size();
  }

  /** Waits until nothing is queued or running (tests, and a clean shutdown). */
  public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (inFlight.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
