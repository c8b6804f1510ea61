// Local typedoc plugin: exported zod schemas (`export const FooSchema = z.object(...)`)
// are documented by their inferred type `Foo` (whose fields carry the docs), so the
// schema variable is shown as `ZodType<Foo>` instead of zod's expanded generic type,
// whose anonymous members cannot carry doc comments.
import { Converter, ReflectionKind, UnknownType } from "typedoc";

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
}
