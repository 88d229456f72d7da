/**
 * Each form component specified by named examples, as GOV.UK's design
 * system specifies its components: one props set per case the pages meet
 * (hint, error, typed value kept, …). tests/unit/components/forms.test.tsx
 * renders every example to HTML and checks it with axe and by its markup;
 * a new case of a component starts here. Labels are plain English: examples
 * are fixtures, not pages. Errors are the i18n keys the server sends.
 */
import type { ComponentType } from "react";
import { Checkbox, CheckboxGroup, RadioGroup } from "./choices.tsx";
import { DateInput } from "./date-input.tsx";
import { ErrorSummary } from "./error-summary.tsx";
import { Field } from "./field.tsx";
import { Fieldset } from "./fieldset.tsx";
import { FileUpload } from "./file-upload.tsx";
import { RefusalBox } from "./refusal.tsx";
import { Select } from "./select.tsx";
import { SummaryList } from "./summary-list.tsx";
import { TextArea } from "./textarea.tsx";

export interface Example<P> {
  name: string;
  props: P;
}

export interface ComponentExamples<P> {
  component: ComponentType<P>;
  examples: Example<P>[];
}

function examples<P>(component: ComponentType<P>, list: Example<P>[]): ComponentExamples<P> {
  return { component, examples: list };
}

const COUNTRIES = [
  { value: "VN", label: "Viet Nam" },
  { value: "ID", label: "Indonesia" },
  { value: "TH", label: "Thailand" },
];
const REGIONS = [
  { value: "kanto", label: "Kanto" },
  { value: "kinki", label: "Kinki" },
  { value: "kyushu_okinawa", label: "Kyushu and Okinawa" },
];

export const FORM_EXAMPLES = {
  Field: examples(Field, [
    { name: "default", props: { name: "familyName", label: "Family name" } },
    { name: "with hint", props: { name: "givenName", label: "Given names", hint: "Leave empty if your passport has only one name." } },
    { name: "required", props: { name: "university", label: "University", required: true } },
    { name: "email", props: { name: "email", label: "E-mail address", type: "email", autoComplete: "email", required: true } },
    { name: "number", props: { name: "graduationYear", label: "Year of graduation", type: "number", width: "short", defaultValue: 2021 } },
    { name: "password", props: { name: "password", label: "Password", type: "password", hint: "At least 10 characters.", autoComplete: "new-password" } },
    { name: "saved value", props: { name: "field", label: "Field of study", defaultValue: "Economics" } },
    {
      name: "error with typed value kept",
      props: {
        name: "email",
        label: "E-mail address",
        type: "email",
        required: true,
        state: { fieldErrors: { email: [{ key: "errors.email" }] }, values: { email: "mai@example" } },
      },
    },
    {
      name: "error and hint",
      props: {
        name: "phone",
        label: "Phone number with country code",
        type: "tel",
        hint: "For example +84 912 345 678.",
        state: { fieldErrors: { phone: [{ key: "errors.phone" }] }, values: { phone: "12" } },
      },
    },
    {
      name: "password error never echoes the password",
      props: {
        name: "password",
        label: "Password",
        type: "password",
        state: { fieldErrors: { password: [{ key: "errors.passwordTooShort" }] }, values: { password: "short" } },
      },
    },
  ]),
  TextArea: examples(TextArea, [
    { name: "default", props: { name: "address", label: "Postal address" } },
    {
      name: "with hint and saved value",
      props: { name: "goalsDescription", label: "Goals", hint: "Two or three sentences.", defaultValue: "Expand to Viet Nam." },
    },
    { name: "character count", props: { name: "motivationLearn", label: "What do you want to learn?", required: true, characterCount: 2000, rows: 8 } },
    {
      name: "character count with error",
      props: {
        name: "reason",
        label: "Reason",
        required: true,
        characterCount: 1000,
        state: { fieldErrors: { reason: [{ key: "errors.reasonRequired" }] }, values: { reason: "" } },
      },
    },
  ]),
  ErrorSummary: examples(ErrorSummary, [
    { name: "no errors renders nothing", props: { state: undefined, labels: {} } },
    {
      name: "field errors link to their fields",
      props: {
        state: { fieldErrors: { email: [{ key: "errors.email" }], password: [{ key: "errors.passwordTooShort" }] }, formErrors: [] },
        labels: { email: "E-mail address", password: "Password" },
      },
    },
    {
      name: "form error and field error",
      props: {
        state: { formErrors: [{ key: "application.savedWithErrors" }], fieldErrors: { phone: [{ key: "errors.phone" }] } },
        labels: { phone: "Phone number" },
      },
    },
    {
      name: "date field links to the box in error",
      props: {
        state: { fieldErrors: { dateOfBirth: [{ key: "errors.dateMissingMonth" }] } },
        labels: { dateOfBirth: "Date of birth" },
        targets: { dateOfBirth: "field-dateOfBirth-month" },
      },
    },
  ]),
  CheckboxGroup: examples(CheckboxGroup, [
    { name: "default", props: { name: "preferredRegions", legend: "Regions you would like to work in", options: REGIONS } },
    { name: "saved choices", props: { name: "preferredRegions", legend: "Regions", options: REGIONS, checked: ["kinki"] } },
    {
      name: "hints per option",
      props: {
        name: "availablePeriods",
        legend: "When can you come to Japan?",
        hint: "Choose every period that suits you.",
        options: [
          { value: "A", label: "Period A", hint: "July to September" },
          { value: "B", label: "Period B", hint: "September to November" },
        ],
      },
    },
    {
      name: "error with typed choices kept",
      props: {
        name: "goals",
        legend: "Goals of hosting an intern",
        required: true,
        options: REGIONS,
        checked: ["kanto"],
        state: { fieldErrors: { goals: [{ key: "errors.chooseOne" }] }, values: { goals: ["kinki", "kyushu_okinawa"] } },
      },
    },
    {
      name: "nothing ticked on the failed submission",
      props: {
        name: "goals",
        legend: "Goals",
        options: REGIONS,
        checked: ["kanto"],
        state: { fieldErrors: { goals: [{ key: "errors.chooseOne" }] }, values: {} },
      },
    },
  ]),
  RadioGroup: examples(RadioGroup, [
    {
      name: "yes or no, inline",
      props: {
        name: "priorParticipant",
        legend: "Have you taken part before?",
        required: true,
        inline: true,
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
      },
    },
    {
      name: "saved choice with hints",
      props: {
        name: "mode",
        legend: "How is the session held?",
        defaultValue: "online",
        options: [
          { value: "in_person", label: "In person", hint: "At a venue" },
          { value: "online", label: "Online", hint: "The link is sent after registering" },
        ],
      },
    },
    {
      name: "error",
      props: {
        name: "priorParticipant",
        legend: "Have you taken part before?",
        options: [
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ],
        state: { fieldErrors: { priorParticipant: [{ key: "errors.chooseOne" }] }, values: {} },
      },
    },
  ]),
  Checkbox: examples(Checkbox, [
    { name: "default", props: { name: "currentlyEnrolled", label: "I am a student now" } },
    {
      name: "saved and ticked, own value",
      props: { name: "agreesWithPurpose", label: "We agree with the purpose of the program", value: "yes", checked: true },
    },
    {
      name: "error",
      props: {
        name: "consentPrivacy",
        label: "I agree to the privacy notice",
        state: { fieldErrors: { consentPrivacy: [{ key: "errors.consentRequired" }] }, values: {} },
      },
    },
  ]),
  DateInput: examples(DateInput, [
    { name: "date of birth", props: { name: "dateOfBirth", legend: "Date of birth", hint: "For example, 12 4 1999.", required: true, autoComplete: "bday" } },
    { name: "saved date", props: { name: "dateOfBirth", legend: "Date of birth", defaultValue: "1996-05-14", autoComplete: "bday" } },
    {
      name: "missing month: only the month box is marked",
      props: {
        name: "dateOfBirth",
        legend: "Date of birth",
        state: {
          fieldErrors: { dateOfBirth: [{ key: "errors.dateMissingMonth" }] },
          values: { "dateOfBirth.day": "14", "dateOfBirth.month": "", "dateOfBirth.year": "1996" },
        },
      },
    },
    {
      name: "whole date typed in the day box",
      props: {
        name: "dateOfBirth",
        legend: "Date of birth",
        state: {
          fieldErrors: { dateOfBirth: [{ key: "errors.dateSeparateBoxes" }] },
          values: { "dateOfBirth.day": "14051996", "dateOfBirth.month": "", "dateOfBirth.year": "" },
        },
      },
    },
    {
      name: "out of range: every box is marked",
      props: {
        name: "dateOfBirth",
        legend: "Date of birth",
        state: {
          fieldErrors: { dateOfBirth: [{ key: "errors.dateOfBirth" }] },
          values: { "dateOfBirth.day": "1", "dateOfBirth.month": "1", "dateOfBirth.year": "1900" },
        },
      },
    },
  ]),
  Select: examples(Select, [
    { name: "default", props: { name: "nationality", label: "Nationality", options: COUNTRIES } },
    { name: "optional with placeholder", props: { name: "heardAbout", label: "How did you hear about us?", placeholder: "Not selected", options: COUNTRIES } },
    {
      name: "saved value with hint",
      props: { name: "residenceCountry", label: "Country where you live", hint: "Now.", options: COUNTRIES, defaultValue: "TH" },
    },
    {
      name: "error with typed value kept",
      props: {
        name: "nationality",
        label: "Nationality",
        required: true,
        placeholder: "Not selected",
        options: COUNTRIES,
        defaultValue: "VN",
        state: { fieldErrors: { nationality: [{ key: "errors.chooseCountry" }] }, values: { nationality: "" } },
      },
    },
  ]),
  FileUpload: examples(FileUpload, [
    {
      name: "document with formats and size",
      props: { name: "file", label: "File", accept: ["application/pdf", "image/jpeg", "image/png"], types: "PDF, JPEG, PNG", maxSizeMb: 10, required: true },
    },
    { name: "csv with hint", props: { name: "csv", label: "Attendance list (CSV)", hint: "One e-mail address per line.", accept: [".csv", "text/csv"] } },
    {
      name: "error",
      props: {
        name: "file",
        label: "File",
        accept: ["application/pdf"],
        maxSizeMb: 10,
        state: { fieldErrors: { file: [{ key: "errors.fileTooLarge", params: { max: 10 } }] } },
      },
    },
  ]),
  SummaryList: examples(SummaryList, [
    {
      name: "answers",
      props: {
        rows: [
          { key: "familyName", label: "Family name (as in your passport)", value: "Trần" },
          { key: "dateOfBirth", label: "Date of birth", value: "14 May 1996" },
          { key: "priorParticipant", label: "Have you taken part in the Japan Internship Program before?", value: "No" },
        ],
      },
    },
    {
      name: "long values wrap",
      props: {
        rows: [
          { key: "email", label: "E-mail address", value: "tran.thi.mai.with.a.very.long.address@university-of-economics.example.edu.vn" },
          { key: "website", label: "Website", value: "https://www.example.co.jp/company/overview/internship-program-2027/applications" },
        ],
      },
    },
    {
      name: "test ids, sub-rows, actions and skipped rows",
      props: {
        rows: [
          { key: "total", label: "Applications", value: "12", testId: "count-applications" },
          { key: "draft", label: "Draft", value: "4", sub: true },
          null,
          { key: "status", label: "Status", value: "Submitted", action: <a href="#status">Change status</a> },
        ],
      },
    },
  ]),
  RefusalBox: examples(RefusalBox, [
    { name: "one reason", props: { title: "This could not be done", reasons: ["The deadline has passed (31 May 2027, 23:59 JST)."] } },
    {
      name: "several reasons",
      props: {
        title: "The round cannot move to screening yet",
        reasons: ["The application deadline has not passed.", "No reviewer is assigned."],
        id: "phase-refusal-title",
      },
    },
    { name: "no reasons renders nothing", props: { title: "Refused", reasons: [] } },
  ]),
  Fieldset: examples(Fieldset, [
    {
      name: "section with hint",
      props: {
        legend: "Deadlines (Japan time)",
        hint: "Leave a deadline empty to set it later.",
        children: <p>Fields of the section go here.</p>,
      },
    },
  ]),
};
