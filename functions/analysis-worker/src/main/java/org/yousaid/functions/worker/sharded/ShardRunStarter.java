package org.yousaid.functions.worker.sharded;

/** Starts the map and reduce of a sharded run somewhere else (in AWS, the state machine). */
public interface ShardRunStarter {
  void start(ShardRunRequest request);
}
