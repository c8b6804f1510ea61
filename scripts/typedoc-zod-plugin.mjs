// Local typedoc plugin (see CONTRIBUTING.md, "Doc comment").
//
// 1. Exported zod schemas (`export const FooSchema = z.object(...)`) are documented by their
//    inferred type `Foo` (whose fields carry the docs), so the schema variable is shown as
//    `ZodType<Foo>` instead of zod's expanded generic type, whose anonymous members cannot
//    carry doc comments.
// 2. Members that no doc comment can be attached to — keys of mapped types
//    (`{ [K in Reason]: number }`) and members of zod-inferred object types (declared inside a
//    `schemas.ts` call chain) — are described by their enclosing declaration, which must itself
//    be documented. Hand-written members (interfaces, inline object literals) still need their
//    own comment: validation.notDocumented stays strict for them.
import { Comment, Converter, ReflectionKind, UnknownType } from "typedoc";

function collect(type, out) {
  if (!type || typeof type !== "object") return;
  switch (type.type) {
    case "reflection":
      out.push(type.declaration);
      break;
    case "reference":
      for (const t of type.typeArguments ?? []) collect(t, out);
      break;
    case "union":
    case "intersection":
      for (const t of type.types) collect(t, out);
      break;
    case "array":
      collect(type.elementType, out);
      break;
    case "tuple":
      for (const t of type.elements) collect(t, out);
      break;
    case "optional":
    case "rest":
      collect(type.elementType, out);
      break;
    default:
      break;
  }
}

function enclosingDocumented(refl) {
  let r = refl.parent;
  while (
    r &&
    (r.kindOf(ReflectionKind.TypeLiteral) ||
      (r.kindOf(ReflectionKind.Property) && r.parent?.kindOf(ReflectionKind.TypeLiteral) && !r.hasComment()))
  ) {
    r = r.parent;
  }
  if (r && r.kindOf(ReflectionKind.SomeSignature) && !r.hasComment() && r.parent?.hasComment()) r = r.parent;
  return r && r.hasComment() ? r : undefined;
}

export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    const project = context.project;
    for (const refl of project.getReflectionsByKind(ReflectionKind.Variable)) {
      if (!refl.name.endsWith("Schema") || !refl.type) continue;
      const decls = [];
      collect(refl.type, decls);
      for (const d of decls) project.removeReflection(d);
      refl.type = new UnknownType(`ZodType<${refl.name.slice(0, -"Schema".length)}>`);
    }
  });
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    const project = context.project;
    for (const refl of project.getReflectionsByKind(ReflectionKind.Property)) {
      if (refl.hasComment() || !refl.parent?.kindOf(ReflectionKind.TypeLiteral)) continue;
      const symbolId = project.getSymbolIdFromReflection(refl);
      const file = symbolId?.fileName ?? "";
      const synthesized = file === "" || /\/schemas\.ts$/.test(file) || /node_modules\/zod\//.test(file);
      if (!synthesized) continue;
      const owner = enclosingDocumented(refl);
      if (!owner) continue;
      refl.comment = new Comment([{ kind: "text", text: `See ${owner.name}.` }]);
    }
  });
}
