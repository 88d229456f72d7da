/** The form components (ADR 0018): one import for pages. Each component's examples are in examples.tsx. */
export { type FormState, type FieldError, describedBy, errorsFor, fieldId, hasErrors, typedList, typedValue, useFormState } from "./form-state.ts";
export { Field, type FieldProps } from "./field.tsx";
export { TextArea, type TextAreaProps } from "./textarea.tsx";
export { ErrorSummary, type ErrorSummaryProps, errorTitle } from "./error-summary.tsx";
export { Checkbox, CheckboxGroup, type ChoiceOption, RadioGroup } from "./choices.tsx";
export { DateInput, dateInputTarget, dateOrder, datePartNames } from "./date-input.tsx";
export { Select, type SelectOption } from "./select.tsx";
export { FileUpload } from "./file-upload.tsx";
export { SummaryList, type SummaryRow } from "./summary-list.tsx";
export { RefusalBox } from "./refusal.tsx";
export { Fieldset } from "./fieldset.tsx";
