import { describe, expect, it } from "vitest";
import {
  builderFieldErrors,
  builderIntentOf,
  definitionFromForm,
  newQuestionFrom,
  rearranged,
} from "./intake-builder";

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

const posted = form({
  title: "Questionnaire",
  introduction: "Hello",
  questionCount: "3",
  "q.0.id": "reason",
  "q.0.kind": "short_text",
  "q.0.label": "Why?",
  "q.0.required": "on",
  "q.1.id": "sport",
  "q.1.kind": "single_choice",
  "q.1.label": "Sport",
  "q.1.options": "Running\r\n\r\n Football \n",
  "q.2.id": "consent",
  "q.2.kind": "consent",
  "q.2.label": "Consent",
  "q.2.statement": "I agree.",
});

describe("the intake form builder's form", () => {
  it("reads every question, options one a line", () => {
    const definition = definitionFromForm(posted);
    expect(definition.questions).toEqual([
      { id: "reason", kind: "short_text", label: "Why?", helpText: "", required: true },
      {
        id: "sport",
        kind: "single_choice",
        label: "Sport",
        helpText: "",
        required: false,
        options: ["Running", "Football"],
      },
      {
        id: "consent",
        kind: "consent",
        label: "Consent",
        helpText: "",
        required: false,
        statement: "I agree.",
      },
    ]);
  });

  it("moves and removes questions by the button pressed", () => {
    const definition = definitionFromForm(posted);
    const up = builderIntentOf("up:1", 3)!;
    expect(rearranged(definition, up).questions.map((q) => q.id)).toEqual([
      "sport",
      "reason",
      "consent",
    ]);
    expect(rearranged(definition, builderIntentOf("up:0", 3)!).questions[0]!.id).toBe("reason");
    expect(
      rearranged(definition, builderIntentOf("remove:2", 3)!).questions.map((q) => q.id),
    ).toEqual(["reason", "sport"]);
    expect(builderIntentOf("down:7", 3)).toBeNull();
    expect(builderIntentOf("drop table", 3)).toBeNull();
  });

  it("checks a new question on its own, next to its fields", () => {
    const bad = newQuestionFrom(form({ "new.kind": "multiple_choice", "new.label": "" }));
    expect(bad.errors).toEqual({
      "new.label": expect.any(String),
      "new.options": expect.any(String),
    });
    const good = newQuestionFrom(
      form({ "new.kind": "body_areas", "new.label": "Where?", "new.required": "on" }),
    );
    expect(good.question).toMatchObject({ kind: "body_areas", label: "Where?", required: true });
    expect(good.question!.id).toMatch(/^q-[0-9a-f]{8}$/);
  });

  it("puts the API's messages under the builder's field names", () => {
    expect(
      builderFieldErrors({
        "definition.questions.1.options": ["Give at least two options"],
        "definition.title": ["Give the form a title"],
        "definition.questions": ["Add at least one question"],
      }),
    ).toEqual({
      fields: { "q.1.options": "Give at least two options", title: "Give the form a title" },
      form: ["Add at least one question"],
    });
  });
});
