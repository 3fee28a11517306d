/**
 * What a frontend does with the API, through the generated types: a filtered list paged by its Link header, a study
 * with its cohorts and outcomes, creating a study, a cohort and an outcome, a merge patch guarded by If-Match, the
 * typed 412 of a stale one and the 422 of an invalid outcome, the pooled evidence by disease (JSON and CSV), and
 * cleaning up. Every answer is checked; the program exits non-zero at the first surprise.
 *
 *   CART_EVIDENCE_URL=http://localhost:8080 CART_EVIDENCE_CURATOR_PASSWORD=... node dist/example.js
 */
import { cartEvidence, nextLink } from "./client.js";

function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) {
    throw new Error(`${what} is missing`);
  }
  return value;
}

function expect(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`expected ${what}`);
  }
}

const baseUrl = process.env["CART_EVIDENCE_URL"] ?? "http://localhost:8080";
const password = must(process.env["CART_EVIDENCE_CURATOR_PASSWORD"], "CART_EVIDENCE_CURATOR_PASSWORD");
const api = cartEvidence(baseUrl);
const curator = cartEvidence(baseUrl, { user: "curator", password });

// 1. Donor-cell studies, newest first, two a page, following rel="next" until the last page.
const titles: string[] = [];
let page: number | undefined = 0;
while (page !== undefined) {
  const { data, error, response } = await api.GET("/api/v1/studies", {
    params: { query: { cellSource: ["ALLOGENEIC"], size: 2, page, sort: ["-publicationYear", "title"] } },
    // sort is one comma-separated value (style form, explode false), as the contract says.
    querySerializer: { array: { style: "form", explode: false } },
  });
  if (error !== undefined) {
    throw new Error(`list: ${error.status} ${error.title}`);
  }
  for (const study of must(data.items, "items")) {
    titles.push(must(study.title, "title"));
  }
  const next = nextLink(response.headers.get("Link"));
  page = next === undefined ? undefined : Number(must(new URL(next).searchParams.get("page"), "next page"));
}
console.log(`donor-cell studies: ${titles.length}`);
expect(titles.length > 2, "more than one page of donor-cell studies");

// 2. One study with its cohorts and their outcomes.
const first = await api.GET("/api/v1/studies", { params: { query: { q: "lupus", size: 1 } } });
const lupus = must(must(first.data?.items, "lupus studies")[0], "a lupus study");
const studyId = must(lupus.id, "study id");
const study = await api.GET("/api/v1/studies/{id}", { params: { path: { id: studyId } } });
expect(study.data?.key === lupus.key, "the same study by id");
const cohorts = await api.GET("/api/v1/studies/{studyId}/cohorts", { params: { path: { studyId } } });
for (const cohort of must(cohorts.data?.items, "cohorts")) {
  const outcomes = await api.GET("/api/v1/cohorts/{cohortId}/outcomes", {
    params: { path: { cohortId: must(cohort.id, "cohort id") } },
  });
  for (const outcome of must(outcomes.data?.items, "outcomes")) {
    console.log(`${lupus.key} / ${cohort.label}: ${outcome.measure} ${outcome.events}/${outcome.total}`);
  }
}

// 3. A study, a cohort and an outcome of our own.
const key = `typescript-example-${Date.now()}`;
const created = await curator.POST("/api/v1/studies", {
  body: {
    key, title: "A study written by the TypeScript example", phase: "PHASE_1", status: "ACTIVE", target: "CD19",
    cellSource: "AUTOLOGOUS", sourceType: "PEER_REVIEWED",
  },
});
if (created.error !== undefined) {
  throw new Error(`create study: ${created.error.status} ${created.error.detail}`);
}
const ownId = must(created.data.id, "new study id");
let etag = must(created.response.headers.get("ETag"), "ETag");
const cohort = await curator.POST("/api/v1/studies/{studyId}/cohorts", {
  params: { path: { studyId: ownId } },
  body: { label: "Example cohort", disease: "OTHER", enrolled: 5 },
});
const cohortId = must(cohort.data?.id, "new cohort id");
const outcome = await curator.POST("/api/v1/cohorts/{cohortId}/outcomes", {
  params: { path: { cohortId } },
  body: { measure: "RESPONSE", events: 3, total: 5 },
});
const outcomeId = must(outcome.data?.id, "new outcome id");

// 4. A merge patch, only if nobody changed the study since we read it.
const patched = await curator.PATCH("/api/v1/studies/{id}", {
  params: { path: { id: ownId }, header: { "If-Match": etag } },
  headers: { "Content-Type": "application/merge-patch+json" },
  body: { status: "COMPLETED" },
});
expect(patched.data?.status === "COMPLETED", "the patched status");
const staleEtag = etag;
etag = must(patched.response.headers.get("ETag"), "ETag after the patch");

// 5. The same patch with the old version: refused, as a typed problem.
const stale = await curator.PATCH("/api/v1/studies/{id}", {
  params: { path: { id: ownId }, header: { "If-Match": staleEtag } },
  headers: { "Content-Type": "application/merge-patch+json" },
  body: { status: "ACTIVE" },
});
expect(stale.response.status === 412 && stale.error?.status === 412, "412 for a stale If-Match");
console.log(`stale write refused: ${stale.error?.title}`);

// 6. An outcome with more events than patients: 422 naming the field.
const invalid = await curator.POST("/api/v1/cohorts/{cohortId}/outcomes", {
  params: { path: { cohortId } },
  body: { measure: "RESPONSE", events: 9, total: 5 },
});
expect(invalid.error?.status === 422, "422 for events > total");
console.log(`invalid outcome refused: ${invalid.error?.errors?.map((e) => `${e.field}: ${e.message}`).join("; ")}`);

// 7. Remission pooled by disease, and the same as CSV for a spreadsheet.
const pooled = await api.GET("/api/v1/evidence/pooled", {
  params: { query: { measure: "REMISSION", groupBy: "disease", cohorts: false } },
});
for (const group of must(pooled.data?.groups, "groups")) {
  console.log(`${group.label}: ${group.estimate?.toFixed(2)} [${group.ciLower?.toFixed(2)}, ${group.ciUpper?.toFixed(2)}]`
    + ` (${group.method}, k = ${group.k})`);
}
const differences = pooled.data?.subgroupDifferences;
console.log(`subgroup differences: Q = ${differences?.q}, df = ${differences?.df}, p = ${differences?.p}`);
const csv = await cartEvidence<"text/csv" | "application/problem+json">(baseUrl).GET("/api/v1/evidence/pooled", {
  params: { query: { measure: "REMISSION", groupBy: "disease", format: "csv" } },
  parseAs: "text",
});
expect(must(csv.data, "CSV").startsWith("measure,groupBy,group"), "a CSV header");

// 8. Clean up: the outcome, the cohort, then the study.
expect((await curator.DELETE("/api/v1/outcomes/{id}", { params: { path: { id: outcomeId } } })).response.ok,
  "outcome deleted");
expect((await curator.DELETE("/api/v1/cohorts/{id}", { params: { path: { id: cohortId } } })).response.ok,
  "cohort deleted");
const gone = await curator.DELETE("/api/v1/studies/{id}", { params: { path: { id: ownId }, header: { "If-Match": etag } } });
expect(gone.response.ok, "study deleted");
console.log("example done");
