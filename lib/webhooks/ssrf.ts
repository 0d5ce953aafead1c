import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { AppError } from "@/lib/errors";

/**
 * Server-side request forgery: a webhook URL is chosen by a workspace admin, and the app would POST to whatever it
 * names — the cloud's metadata service, the database, an admin port on localhost. So endpoints on private, loopback,
 * link-local, shared (CGNAT), multicast, documentation and reserved addresses are refused, when registered and again
 * at every connection (the address a name resolves to then is the one checked, so DNS that changes after
 * registration gains nothing). WEBHOOK_ALLOW_PRIVATE_NETWORKS=true is the operator's allowance for receivers inside
 * their own network (and the tests' receiver on loopback); it also allows plain http.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

export const privateNetworksAllowed = () => process.env.WEBHOOK_ALLOW_PRIVATE_NETWORKS === "true";

/** Whether `address` (an IP literal) is one webhooks may not reach. IPv4-mapped IPv6 is judged as its IPv4. */
export function isForbiddenAddress(address: string): boolean {
  const plain = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(plain);
  if (mapped) return isForbiddenAddress(mapped[1]!);
  const family = isIP(plain);
  if (family === 4) return blocked.check(plain, "ipv4");
  if (family === 6) return /^::ffff:/i.test(plain) || blocked.check(plain, "ipv6");
  return true;
}

const refused = (why: string) => new AppError("INVALID_INPUT", why, { fieldErrors: { url: [why] } });
const PRIVATE_MESSAGE =
  "This address is on a private, loopback or link-local network, which webhooks may not reach. " +
  "Use a public https endpoint (or ask whoever runs Design Review to allow private networks).";

/** Every address `host` resolves to (an IP literal is itself). */
function resolveAll(host: string): Promise<string[]> {
  if (isIP(host.replace(/^\[|\]$/g, ""))) return Promise.resolve([host.replace(/^\[|\]$/g, "")]);
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) =>
      error ? reject(error) : resolve(addresses.map((a) => a.address)),
    ),
  );
}

/** The URL as it will be called, or INVALID_INPUT saying what is wrong with it (scheme, credentials, address). */
export async function checkWebhookUrl(raw: string): Promise<URL> {
  const url = new URL(raw);
  const allowPrivate = privateNetworksAllowed();
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:"))
    throw refused("Webhook endpoints must use https://.");
  if (url.username || url.password) throw refused("Put no user name or password in the URL; use the signing secret.");
  if (allowPrivate) return url;
  let addresses: string[];
  try {
    addresses = await resolveAll(url.hostname);
  } catch {
    throw refused(`The host ${url.hostname} could not be found.`);
  }
  if (addresses.length === 0 || addresses.some(isForbiddenAddress)) throw refused(PRIVATE_MESSAGE);
  return url;
}

/** For http(s).request's `lookup`: resolves as usual, then refuses a forbidden address before any connection. */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 4);
    const allowed = privateNetworksAllowed() ? addresses : addresses.filter((a) => !isForbiddenAddress(a.address));
    if (allowed.length === 0) {
      const denied = Object.assign(new Error(`${hostname} resolves to a private address`), { code: "EADDRNOTALLOWED" });
      return callback(denied, "", 4);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
};

/** An IP-literal host is connected to without a lookup: check it here. */
export function assertDeliverableHost(url: URL): void {
  if (privateNetworksAllowed()) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && isForbiddenAddress(host)) throw new Error(`${host} is a private address`);
}

export const SSRF_PRIVATE_MESSAGE = PRIVATE_MESSAGE;
