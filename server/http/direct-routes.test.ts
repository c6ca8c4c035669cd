import { describe, expect, it } from "vitest";
import { directRouteOf, matchDirectRoute } from "./direct-routes";

const answer = { serve: async () => ({ json: null, response: null, headers: {} }) };
const routes = [
  directRouteOf("POST", "/api/v1/events", answer),
  directRouteOf("POST", "/api/v1/events/batch", answer),
  directRouteOf("GET", "/api/v1/customers/:external_id/current_usage", answer),
];

describe("matchDirectRoute: which requests skip Next's router", () => {
  it.each([
    ["POST", "/api/v1/events", {}],
    ["POST", "/api/v1/events/batch?x=1", {}],
    ["GET", "/api/v1/customers/acme/current_usage?external_subscription_id=s1", { external_id: "acme" }],
    // Decoded as Next decodes a [external_id] segment: an escaped slash stays inside the id.
    ["GET", "/api/v1/customers/a%2Fb%20c/current_usage", { external_id: "a/b c" }],
  ])("%s %s is served directly with %o", (method, url, params) => {
    expect(matchDirectRoute(routes, method, url)?.params).toEqual(params);
  });

  it.each([
    ["GET", "/api/v1/events"],
    ["HEAD", "/api/v1/customers/acme/current_usage"],
    ["POST", "/api/v1/customers/acme/current_usage"],
    ["GET", "/api/v1/customers/acme/current_usage/"],
    ["GET", "/api/v1/customers//current_usage"],
    ["GET", "/api/v1/customers/acme"],
    // proxy.ts answers a malformed escape with Lago's 400: left to Next, which runs it.
    ["GET", "/api/v1/customers/%E0%A4%A/current_usage"],
    [undefined, undefined],
  ])("%s %s is left to Next", (method, url) => {
    expect(matchDirectRoute(routes, method, url)).toBeUndefined();
  });
});
