#!/usr/bin/env node
// Writes a generated environment set for the synth benchmark:
//   <out>/environments/e01.json ... (N files)   <out>/task-definitions/web.json (copied from app/)
// Each environment is shaped like the shipped app/environments/dev.json, with its own /16 (10.<100+i>.0.0/16,
// so they never overlap each other or the shipped 10.10/10.20/10.30 ranges) and M services svc-001 ...,
// each on web.json behind the load balancer with path /svc-NNN/* and priority NNN.
// The Java app reads it with `-c environmentsDir=<out>/environments` (task definitions come from
// <out>/task-definitions, the folder next to it); bench/js-reference/app.js reads the same files.
// Usage: node bench/generate.js <out-dir> <environments> <services-per-environment>
'use strict';
const fs = require('fs');
const path = require('path');

function usage(message) {
  process.stderr.write(`generate: ${message}\nusage: node bench/generate.js <out-dir> <environments 1-50> <services 0-500>\n`);
  process.exit(2);
}

const [out, envArg, svcArg] = process.argv.slice(2);
if (!out || envArg === undefined || svcArg === undefined) usage('three arguments needed');
const environments = Number(envArg);
const services = Number(svcArg);
if (!Number.isInteger(environments) || environments < 1 || environments > 50) {
  usage(`<environments> must be an integer from 1 to 50, got '${envArg}'`);
}
if (!Number.isInteger(services) || services < 0 || services > 500) {
  usage(`<services> must be an integer from 0 to 500, got '${svcArg}'`);
}

const root = path.resolve(__dirname, '..');
const pad = (n, width) => String(n).padStart(width, '0');

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(path.join(out, 'environments'), { recursive: true });
fs.mkdirSync(path.join(out, 'task-definitions'), { recursive: true });
fs.copyFileSync(path.join(root, 'app/task-definitions/web.json'), path.join(out, 'task-definitions/web.json'));

for (let e = 1; e <= environments; e++) {
  const name = `e${pad(e, 2)}`;
  const environment = {
    name,
    clusterName: `bench-${name}`,
    network: { cidr: `10.${100 + e}.0.0/16`, maxAzs: 2, natGateways: 1 },
    capacity: {
      instanceTypes: ['t3.medium', 't3a.medium'],
      minSize: 1,
      desiredSize: 1,
      maxSize: 2,
      amiFamily: 'AL2023',
    },
    agent: { ECS_ENABLE_CONTAINER_METADATA: 'true', ECS_CONTAINER_STOP_TIMEOUT: '30s' },
    tags: { environment: name, project: 'deep-dive' },
    services: Array.from({ length: services }, (_, i) => ({
      name: `svc-${pad(i + 1, 3)}`,
      taskDefinition: 'web.json',
      desiredCount: 1,
      loadBalancer: {
        container: 'tomcat',
        containerPort: 8080,
        pathPatterns: [`/svc-${pad(i + 1, 3)}/*`],
        priority: i + 1,
        healthCheck: { path: '/', healthyHttpCodes: '200-404' },
      },
    })),
  };
  fs.writeFileSync(path.join(out, 'environments', `${name}.json`), JSON.stringify(environment, null, 2) + '\n');
}
