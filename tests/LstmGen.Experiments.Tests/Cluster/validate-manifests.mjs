// Validates Kubernetes manifests without a cluster (tests/LstmGen.Experiments.Tests/Cluster/KubernetesManifestTests.cs):
//   node validate-manifests.mjs OUT_DIR FILE.yaml...
// 1. every document against the Kubernetes OpenAPI schema compiled into the npm package kubernetes-models (types, enums,
//    required fields): prints "valid: FILE: KIND NAME" or "invalid: FILE: reason", exits 1 if any is invalid;
// 2. writes OUT_DIR/typed-N.ts, each document as an object literal of the package's TypeScript interface, so that
//    `tsc --noEmit` reports the fields the schema does not know (the schema allows unknown fields; tsc's excess
//    property checks do not); prints "typed: typed-N.ts FILE" for each.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { Job } from "kubernetes-models/batch/v1/Job";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";

const kinds = {
  "batch/v1 Job": [Job, "IJob", "kubernetes-models/batch/v1/Job"],
  "v1 PersistentVolumeClaim": [PersistentVolumeClaim, "IPersistentVolumeClaim", "kubernetes-models/v1/PersistentVolumeClaim"],
};
const [out, ...files] = process.argv.slice(2);
let invalid = 0;
let typed = 0;
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) {
      console.log(`invalid: ${file}: ${doc.errors[0].message}`);
      invalid++;
      continue;
    }
    const manifest = doc.toJS();
    const kind = kinds[`${manifest.apiVersion} ${manifest.kind}`];
    if (!kind) {
      console.log(`invalid: ${file}: no schema for ${manifest.apiVersion} ${manifest.kind}`);
      invalid++;
      continue;
    }
    const [Model, type, module] = kind;
    try {
      new Model(manifest).validate();
      console.log(`valid: ${file}: ${manifest.kind} ${manifest.metadata?.name}`);
    } catch (e) {
      console.log(`invalid: ${file}: ${String(e?.message ?? e).replace(/\s+/g, " ")}`);
      invalid++;
    }
    const typedFile = `typed-${typed++}.ts`;
    writeFileSync(join(out, typedFile),
      `// ${file}\nimport type { ${type} } from "${module}";\nexport const manifest: ${type} = ${JSON.stringify(manifest, null, 2)};\n`);
    console.log(`typed: ${typedFile} ${file}`);
  }
}
process.exit(invalid > 0 ? 1 : 0);
