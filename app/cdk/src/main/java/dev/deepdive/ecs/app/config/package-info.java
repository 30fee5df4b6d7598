/**
 * Environment files ({@code app/environments/<name>.json}) as typed, validated records.
 *
 * <p>Public API: {@link dev.deepdive.ecs.app.config.EnvironmentLoader} (load a folder, select by the
 * {@code environments} context value), the records {@link dev.deepdive.ecs.app.config.EnvironmentConfig},
 * {@link dev.deepdive.ecs.app.config.NetworkConfig}, {@link dev.deepdive.ecs.app.config.CapacityConfig},
 * {@link dev.deepdive.ecs.app.config.AmiFamily}, {@link dev.deepdive.ecs.app.config.LoadBalancerConfig},
 * {@link dev.deepdive.ecs.app.config.EcrRepositoryConfig}, {@link dev.deepdive.ecs.app.config.ServiceConfig} and
 * the records it holds (service load balancer, health check, deployment, placement, policy statements), the
 * defaults in
 * {@link dev.deepdive.ecs.app.config.ConfigDefaults}, and {@link dev.deepdive.ecs.app.config.ConfigException}.
 *
 * <p>Why not plain Jackson data binding: it stops at the first problem and words it in Java terms. Here
 * Jackson parses strictly (no duplicate keys, nothing after the object) into a tree, and small reader
 * classes walk it, one per section, reporting every problem as one line with file and JSON path and
 * never coercing a scalar ({@code "2"} is not an integer). Unknown fields are rejected in every object.
 *
 * <p>Adding a section (e.g. {@code services}): a record for it, a {@code ServicesSection} reader built on
 * {@code ObjectFields}, its name in {@code EnvironmentFileReader.FIELDS} and one line in
 * {@code EnvironmentFileReader.read}, plus the record component on {@code EnvironmentConfig}.
 */
package dev.deepdive.ecs.app.config;
