/** Checklists: a titled list of tasks, as sendChecklist made it (editMessageChecklist replaces it whole). */
import type { Formatted } from "./content.js"

/** One task; `completedBy` and `completionDate` once someone marked it done. */
export interface ChecklistTask {
  readonly id: number
  readonly text: Formatted
  readonly completedBy?: number | undefined
  readonly completionDate?: number | undefined
}

/** A checklist message. */
export interface ChecklistContent {
  readonly kind: "checklist"
  readonly title: Formatted
  readonly tasks: ReadonlyArray<ChecklistTask>
  readonly othersCanAddTasks: boolean
  readonly othersCanMarkTasksAsDone: boolean
}

/** The checklist as a copy carries it: the same tasks, none marked done. */
export const freshChecklist = (content: ChecklistContent): ChecklistContent => ({
  ...content,
  tasks: content.tasks.map((task) => ({ id: task.id, text: task.text }))
})
