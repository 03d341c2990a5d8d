"use strict";
// The baseline: the same page requests with node:http alone, each body parsed and its backups kept.
const http = require("node:http");

const agent = new http.Agent({ keepAlive: true });

function getPage(url, token) {
  return new Promise((resolve, reject) => {
    const req = http.get(
      url,
      { agent, headers: { Authorization: `Bearer ${token}`, Accept: "application/json" } },
      (res) => {
        const chunks = [];
        res.on("data", (chunk) => chunks.push(chunk));
        res.on("end", () => {
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });
}

async function listAll(base, clusterId, token, pageSize) {
  const backups = [];
  let pageToken;
  do {
    const query = new URLSearchParams({ pageSize: String(pageSize) });
    if (pageToken) query.set("pageToken", pageToken);
    const page = await getPage(`${base}/mdb/sqlserver/v1/clusters/${clusterId}/backups?${query}`, token);
    if (page.backups) for (const b of page.backups) backups.push(b);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return backups;
}

module.exports = { listAll };
