/**
 * Environment files ({@code app/environments/<name>.json}) as typed, validated records.
 *
 * <p>Public API: {@link dev.deepdive.ecs.app.config.EnvironmentLoader} (load a folder, select by the
 * {@code environments} context value), the records {@link dev.deepdive.ecs.app.config.EnvironmentConfig},
 * {@link dev.deepdive.ecs.app.config.NetworkConfig}, {@link dev.deepdive.ecs.app.config.CapacityConfig},
 * {@link dev.deepdive.ecs.app.config.AmiFamily}, {@link dev.deepdive.ecs.app.config.LoadBalancerConfig},
 * {@link dev.deepdive.ecs.app.config.EcrRepositoryConfig}, {@link dev.deepdive.ecs.app.config.ServiceConfig} and
 * the records it holds (service load balancer, health check, deployment, placement, task role), the published
 * schema {@link dev.deepdive.ecs.app.config.EnvironmentSchema}, the position-dependent defaults in
 * {@link dev.deepdive.ecs.app.config.ConfigDefaults}, and {@link dev.deepdive.ecs.app.config.ConfigException}.
 *
 * <p>One owner per kind of rule: {@code StrictJson} the syntax (Jackson, with duplicate keys and trailing content
 * rejected); app/environment.schema.json, checked with networknt's json-schema-validator, every rule about one value
 * and every default, worded for people by {@code SchemaMessages} from the validator's keywords and locations;
 * {@code EnvironmentRules}, {@code ServiceRules} and {@code CrossEnvironmentChecks} the rules between fields, services
 * and files; then Jackson binds the file onto the records. Every problem of every file is one line with file and
 * JSON path, all reported at once.
 *
 * <p>Adding a field: the property in the schema (with {@code x-messages} where the generic wording would not read
 * well), a component of the same name on the record, and only if it depends on another field a method in one of the
 * rule classes. docs/environment-files.md, "Adding a field", has the details.
 */
package dev.deepdive.ecs.app.config;
