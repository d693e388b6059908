/**
 * InputChecklist (telegram-wire-messages.md §M5.15; Client.cpp get_input_checklist, get_input_checklist_task; TDLib
 * ToDoList.cpp, ToDoItem.cpp): the Bot API's reading, each failure wrapped as the real server wraps it
 * (`can't parse InputChecklist: Can't parse InputChecklistTask: …`), then TDLib's checks with the default limits
 * (title 255 characters, 1-30 tasks of 100 characters, positive ids).
 */
import { type ApiError, isApiError } from "../internal/apiError.js"
import { boolField, field, FieldError, intField, type JsonValue, parseJson } from "../internal/JsonValue.js"
import type { Params } from "../internal/Params.js"
import type { ChecklistContent, ChecklistTask } from "../world/checklists.js"
import { badRequest, characters, finishFormatted, formattedField } from "./formatted.js"
import type { FormattedText } from "./text.js"

/** A checklist as the Bot API read it. */
export interface ChecklistInput {
  readonly title: FormattedText
  readonly othersCanAddTasks: boolean
  readonly othersCanMarkTasksAsDone: boolean
  readonly tasks: ReadonlyArray<{ readonly id: number; readonly text: FormattedText }>
}

/** A failure's text as it reads inside a wrapping one (`Can't parse …: <inner>`): the first letter a capital. */
const inner = (failure: FieldError | ApiError): string => {
  if (failure instanceof FieldError) return failure.message
  const text = failure.description.replace(/^Bad Request: /, "")
  return text[0]!.toUpperCase() + text.slice(1)
}

const readTask = (value: JsonValue): { id: number; text: FormattedText } | string => {
  if (value.kind !== "object") return "expected an Object"
  const id = intField(value, "id", true)
  if (id instanceof FieldError) return id.message
  const text = formattedField(value, "text", "parse_mode", "text_entities")
  return text instanceof FieldError || isApiError(text) ? inner(text) : { id, text }
}

const readObject = (value: JsonValue): ChecklistInput | string => {
  if (value.kind !== "object") return "expected an Object"
  const title = formattedField(value, "title", "parse_mode", "title_entities")
  if (title instanceof FieldError || isApiError(title)) return inner(title)
  const othersCanAddTasks = boolField(value, "others_can_add_tasks")
  if (othersCanAddTasks instanceof FieldError) return othersCanAddTasks.message
  const othersCanMarkTasksAsDone = boolField(value, "others_can_mark_tasks_as_done")
  if (othersCanMarkTasksAsDone instanceof FieldError) return othersCanMarkTasksAsDone.message
  const list = field(value, "tasks")
  if (list === undefined) return `Can't find field "tasks"`
  if (list.kind !== "array") return `Field "tasks" must be of type Array`
  const tasks = []
  for (const item of list.items) {
    const task = readTask(item)
    if (typeof task === "string") return `Can't parse InputChecklistTask: ${task}`
    tasks.push(task)
  }
  return { title, othersCanAddTasks, othersCanMarkTasksAsDone, tasks }
}

/** The `checklist` parameter: required, JSON, an InputChecklist. */
export const readChecklist = (params: Params): ChecklistInput | ApiError => {
  const raw = params.get("checklist") ?? ""
  if (raw === "") return badRequest(`parameter "checklist" is required`)
  const json = parseJson(raw)
  if (json === undefined) return badRequest("Can't parse InputChecklist JSON object")
  const read = readObject(json)
  return typeof read === "string" ? badRequest(`Can't parse InputChecklist: ${read}`) : read
}

/** TDLib's checks in its order; the checklist as a message holds it. */
export const finishChecklist = (input: ChecklistInput): ChecklistContent | ApiError => {
  const title = finishFormatted(input.title, false)
  if (isApiError(title)) return title
  if (characters(title.text) > 255) return badRequest("Checklist title length must not exceed 255")
  const tasks: Array<ChecklistTask> = []
  for (const task of input.tasks) {
    const text = finishFormatted(task.text, false)
    if (isApiError(text)) return text
    if (characters(text.text) > 100) return badRequest("Checklist task text length must not exceed 100")
    if (task.id <= 0) return badRequest("Checklist task identifier must be positive")
    tasks.push({ id: task.id, text: { ...text, text: text.text.replaceAll("\n", " ") } })
  }
  if (tasks.length === 0) return badRequest("Checklist must have at least 1 task")
  if (tasks.length > 30) return badRequest("Checklist must have at most 30 tasks")
  return {
    kind: "checklist",
    title,
    tasks,
    othersCanAddTasks: input.othersCanAddTasks,
    othersCanMarkTasksAsDone: input.othersCanMarkTasksAsDone
  }
}
