package dev.deepdive.ecs.ecsctl.cli;

/** What stdout carries: aligned text for people, one JSON document for scripts. Lower case: it is typed. */
public enum OutputFormat {
  text,
  json
}
