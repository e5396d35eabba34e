import { Authorized, Query, Resolver } from "type-graphql";

import { buildFederatedSchema } from "./federation";

/** A kit base class whose root field carries no guard, and a field's resolver that inherits it. */
@Resolver()
abstract class UnguardedBase {
  @Query(() => String)
  inheritedField(): string {
    return "open to anyone";
  }
}

@Resolver()
class InheritingResolver extends UnguardedBase {
  @Authorized()
  @Query(() => String)
  ownField(): string {
    return "guarded";
  }
}

@Resolver()
abstract class GuardedBase {
  @Authorized()
  @Query(() => String)
  guardedInheritedField(): string {
    return "guarded";
  }
}

@Resolver()
class SafeResolver extends GuardedBase {
  @Authorized()
  @Query(() => String)
  safeOwnField(): string {
    return "guarded";
  }
}

describe("kit > federation > default deny", () => {
  it("refuses to build a schema whose resolver inherits an unguarded root field from a base class", () => {
    // A field subgraph extends a kit base class; the base's root field would answer anyone.
    expect(() => buildFederatedSchema({ resolvers: [InheritingResolver], references: {} })).toThrow(
      "Root fields without @Authorized (default deny): UnguardedBase.inheritedField",
    );
  });

  it("builds one whose inherited root fields are all guarded", () => {
    const schema = buildFederatedSchema({ resolvers: [SafeResolver], references: {} });
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(
      expect.arrayContaining(["guardedInheritedField", "safeOwnField"]),
    );
  });
});
