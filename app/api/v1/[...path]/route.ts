// Unknown API paths answer in Lago's JSON error shape, not with Next's HTML 404 page.
const notFound = () => Response.json({ status: 404, error: "Not Found", code: "route_not_found" }, { status: 404 });

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
