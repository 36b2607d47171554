// Checks deploy/k8s, deploy/docker/compose.yaml and deploy/docker/Dockerfile offline:
//  - Kubernetes: every document against the API's JSON schemas (kubernetes-models), plus the
//    cross-references the schemas cannot see (selectors, secret keys, probe paths, ports).
//  - compose: YAML parse with anchors and merge keys, and the cluster wiring (member list, fixed
//    addresses inside the subnet, one host port per node). There is no compose-spec schema here.
//  - Dockerfile: parsed instruction by instruction; the stages, user and entrypoint flags checked.
// Run: cd deploy/validate && npm install && node validate.mjs   (exit code 1 on any problem)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments, parse } from "yaml";
import { DockerfileParser } from "dockerfile-ast";

const here = path.dirname(fileURLToPath(import.meta.url));
const deploy = path.resolve(here, "..");
const problems = [];
const ok = [];
const check = (cond, msg) => (cond ? ok : problems).push(msg);

async function model(apiVersion, kind) {
  const mod = await import(`kubernetes-models/${apiVersion}/${kind}`); // "apps/v1" or "v1"
  return mod[kind] ?? mod.default;
}

const docs = [];
for (const file of fs.readdirSync(path.join(deploy, "k8s")).filter((f) => f.endsWith(".yaml"))) {
  for (const doc of parseAllDocuments(fs.readFileSync(path.join(deploy, "k8s", file), "utf8"))) {
    if (doc.errors.length) problems.push(`${file}: YAML: ${doc.errors.join("; ")}`);
    const obj = doc.toJS();
    if (!obj) continue;
    if (obj.kind === "Kustomization") {
      for (const r of obj.resources) check(fs.existsSync(path.join(deploy, "k8s", r)), `kustomization lists ${r}`);
      continue;
    }
    try {
      const Model = await model(obj.apiVersion, obj.kind);
      new Model(obj).validate();
      ok.push(`${file}: ${obj.kind} ${obj.metadata.name} matches the ${obj.apiVersion} schema`);
      docs.push({ file, obj });
    } catch (e) {
      problems.push(`${file}: ${obj.kind} ${obj.metadata?.name}: ${e.message}`);
    }
  }
}

const find = (kind, name) => docs.map((d) => d.obj).find((o) => o.kind === kind && (!name || o.metadata.name === name));
const dep = find("Deployment");
const secret = find("Secret");
const svc = find("Service", "binhyen");
const hz = find("Service", "binhyen-hazelcast");
if (dep) {
  const pod = dep.spec.template;
  const c = pod.spec.containers[0];
  const env = Object.fromEntries(c.env.map((e) => [e.name, e]));
  const labels = pod.metadata.labels;
  const selects = (sel) => Object.entries(sel).every(([k, v]) => labels[k] === v);
  check(selects(dep.spec.selector.matchLabels), "the Deployment selects its own pods");
  check(svc && selects(svc.spec.selector), "the HTTP Service selects the pods");
  check(hz && selects(hz.spec.selector), "the Hazelcast Service selects the pods");
  check(hz && hz.spec.clusterIP === "None", "the Hazelcast Service is headless");
  check(hz && hz.spec.publishNotReadyAddresses === true, "starting pods are listed in the Hazelcast DNS");
  const dns = env.BINHYEN_CLUSTER_KUBERNETES_DNS?.value ?? "";
  check(hz && dns.startsWith(`${hz.metadata.name}.${hz.metadata.namespace}.svc`),
    `BINHYEN_CLUSTER_KUBERNETES_DNS (${dns}) names the headless Service`);
  check(env.BINHYEN_CLUSTER_HOST?.valueFrom?.fieldRef?.fieldPath === "status.podIP", "Hazelcast binds to the pod IP");
  for (const key of ["BINHYEN_DB_URL", "BINHYEN_MASTER_KEY"]) {
    const ref = env[key]?.valueFrom?.secretKeyRef;
    check(ref && secret && ref.name === secret.metadata.name && ref.key in secret.stringData,
      `${key} comes from the Secret (${ref?.name}/${ref?.key})`);
  }
  const portNames = c.ports.map((p) => p.name);
  check(portNames.includes(svc?.spec.ports[0].targetPort), "the HTTP Service targets a named container port");
  check(portNames.includes(hz?.spec.ports[0].targetPort), "the Hazelcast Service targets a named container port");
  check(String(c.ports.find((p) => p.name === "http").containerPort) === env.BINHYEN_HTTP_PORT.value, "HTTP port matches BINHYEN_HTTP_PORT");
  check(String(c.ports.find((p) => p.name === "hazelcast").containerPort) === env.BINHYEN_CLUSTER_PORT.value, "Hazelcast port matches BINHYEN_CLUSTER_PORT");
  check(c.readinessProbe?.httpGet?.path === "/health/ready", "readiness probe on /health/ready");
  check(c.livenessProbe?.httpGet?.path === "/health/live", "liveness probe on /health/live");
  // Graceful stop: preStop sleep + drain + grace + 15 s to leave the cluster must end before SIGKILL.
  const preStop = c.lifecycle?.preStop?.exec?.command ?? [];
  const seconds = (v) => (/ms$/.test(v) ? parseInt(v, 10) / 1000 : parseInt(v, 10));
  const stopBudget = (preStop[0] === "sleep" ? Number(preStop[1]) : NaN)
    + seconds(env.BINHYEN_SHUTDOWN_DRAIN?.value ?? "0") + seconds(env.BINHYEN_SHUTDOWN_GRACE?.value ?? "10") + 15;
  check(preStop[0] === "sleep" && Number(preStop[1]) > 0, "preStop sleeps while the endpoint is removed");
  check(pod.spec.terminationGracePeriodSeconds > stopBudget,
    `terminationGracePeriodSeconds (${pod.spec.terminationGracePeriodSeconds}) above preStop + drain + grace + 15 s (${stopBudget})`);
  check(c.resources?.requests && c.resources?.limits, "resources requested and limited");
  check(dep.metadata.namespace === hz?.metadata.namespace, "Deployment and Services share a namespace");
}

// compose
const composeText = fs.readFileSync(path.join(deploy, "docker", "compose.yaml"), "utf8");
let compose;
try {
  compose = parse(composeText, { merge: true, maxAliasCount: 100 });
  ok.push("compose.yaml parses (anchors and merge keys resolved)");
} catch (e) {
  problems.push(`compose.yaml: ${e.message}`);
}
if (compose) {
  const nodes = Object.entries(compose.services).filter(([n]) => n.startsWith("node"));
  const subnet = compose.networks.binhyen.ipam.config[0].subnet.replace(/\.0\/24$/, ".");
  const hostPorts = new Set();
  for (const [name, s] of nodes) {
    const e = s.environment;
    const ip = s.networks.binhyen.ipv4_address;
    check(ip.startsWith(subnet), `${name}: address ${ip} inside the subnet`);
    check(e.BINHYEN_CLUSTER_HOST === ip, `${name}: Hazelcast binds to its own address`);
    check(e.BINHYEN_CLUSTER_MEMBERS.split(",").includes(`${ip}:${e.BINHYEN_CLUSTER_PORT}`), `${name}: listed in the members`);
    check(s.depends_on?.postgres?.condition === "service_healthy", `${name}: waits for a healthy PostgreSQL`);
    check(s.build?.dockerfile === "deploy/docker/Dockerfile" && fs.existsSync(path.resolve(deploy, "docker", s.build.context, s.build.dockerfile)),
      `${name}: build context and Dockerfile exist`);
    check(/^postgresql:\/\//.test(e.BINHYEN_DB_URL) && e.BINHYEN_DB_URL.includes("@postgres:5432/"), `${name}: database URL points at the postgres service`);
    for (const p of s.ports) hostPorts.add(p.split(":")[0]);
  }
  check(nodes.length === 3, "compose runs three nodes");
  check(hostPorts.size === nodes.length, "one host port per node");
  check(compose.services.postgres?.healthcheck, "PostgreSQL has a health check");
}

// compose-ha.yaml: the Patroni tier (etcd, pg1..pg3, HAProxy) and three nodes through HAProxy
let ha;
try {
  ha = parse(fs.readFileSync(path.join(deploy, "docker", "compose-ha.yaml"), "utf8"), { merge: true, maxAliasCount: 100 });
  ok.push("compose-ha.yaml parses (anchors and merge keys resolved)");
} catch (e) {
  problems.push(`compose-ha.yaml: ${e.message}`);
}
if (ha) {
  const subnet = ha.networks.binhyen.ipam.config[0].subnet.replace(/\.0\/24$/, ".");
  const members = ["pg1", "pg2", "pg3"].map((n) => [n, ha.services[n]]);
  for (const [name, s] of members) {
    check(s && s.environment.PATRONI_NAME === name, `${name}: Patroni member named after its service`);
    check(s.environment.PATRONI_POSTGRESQL_CONNECT_ADDRESS === `${name}:5432` && s.environment.PATRONI_RESTAPI_CONNECT_ADDRESS === `${name}:8008`,
      `${name}: advertises its own service name`);
    check(s.volumes.some((v) => v.startsWith(`${name}:`)), `${name}: its own data volume`);
    check(s.healthcheck?.test?.join(" ").includes("8008"), `${name}: health from Patroni's REST API`);
  }
  const haproxyCfg = fs.readFileSync(path.join(deploy, "docker", "ha", "haproxy.cfg"), "utf8");
  check(/listen primary[\s\S]*GET \/primary/.test(haproxyCfg) && /listen replicas[\s\S]*GET \/replica/.test(haproxyCfg),
    "HAProxy checks /primary for writes and /replica for reads");
  for (const [name] of members) check(haproxyCfg.includes(`server ${name} ${name}:5432 check port 8008`), `HAProxy routes to ${name}`);
  const patroni = parse(fs.readFileSync(path.join(deploy, "docker", "ha", "patroni.yml"), "utf8"));
  check(patroni.bootstrap.dcs.synchronous_mode === true && patroni.bootstrap.dcs.postgresql.parameters.synchronous_commit === "on",
    "Patroni: synchronous replication");
  check(patroni.etcd3.hosts === "etcd:2379" && ha.services.etcd, "Patroni finds the etcd service");
  check(fs.existsSync(path.join(deploy, "docker", "ha", patroni.bootstrap.post_init.replace("/etc/patroni/", ""))),
    "the post_init script that creates the roles exists");
  const nodes = Object.entries(ha.services).filter(([n]) => n.startsWith("node"));
  check(nodes.length === 3, "compose-ha runs three nodes");
  for (const [name, s] of nodes) {
    const e = s.environment;
    check(e.BINHYEN_DB_URL.includes("@haproxy:5000/") && e.BINHYEN_DB_READ_URL.includes("haproxy:5001/"),
      `${name}: writes through HAProxy's primary port, reads through its replica port`);
    check(s.networks.binhyen.ipv4_address.startsWith(subnet) && e.BINHYEN_CLUSTER_HOST === s.networks.binhyen.ipv4_address,
      `${name}: Hazelcast binds to its own address in the subnet`);
  }
}

// Dockerfile
const dockerfile = DockerfileParser.parse(fs.readFileSync(path.join(deploy, "docker", "Dockerfile"), "utf8"));
const ins = dockerfile.getInstructions();
const froms = ins.filter((i) => i.getKeyword() === "FROM");
check(froms.length === 2, "Dockerfile has two stages (build, run)");
check(ins.some((i) => i.getKeyword() === "COPY" && (i.getFlags?.() ?? []).some((f) => f.getName() === "from" && f.getValue() === "build")
  && i.getArgumentsContent().includes("binhyen.jar")), "the run stage copies the jar from the build stage");
check(ins.some((i) => i.getKeyword() === "USER" && !/^(0|root)\b/.test(i.getArgumentsContent())), "the image runs as a non-root user");
const entry = ins.find((i) => i.getKeyword() === "ENTRYPOINT")?.getArgumentsContent() ?? "";
for (const flag of ["java.base/java.lang=ALL-UNNAMED", "java.base/sun.nio.ch=ALL-UNNAMED", "java.management/sun.management=ALL-UNNAMED",
  "jdk.management/com.sun.management.internal=ALL-UNNAMED", "java.base/jdk.internal.ref=ALL-UNNAMED"]) {
  check(entry.includes(flag), `the entrypoint passes ${flag}`);
}
const unknown = ins.filter((i) => !["FROM", "WORKDIR", "COPY", "RUN", "USER", "ENV", "EXPOSE", "ENTRYPOINT", "CMD"].includes(i.getKeyword()));
check(unknown.length === 0, "Dockerfile uses only known instructions");

for (const m of ok) console.log("ok   " + m);
for (const m of problems) console.log("FAIL " + m);
console.log(`${ok.length} passed, ${problems.length} failed`);
process.exit(problems.length ? 1 : 0);
