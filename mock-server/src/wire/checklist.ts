/** Checklist JSON, keys in the real server's order (Client.cpp JsonChecklist, JsonChecklistTask). */
import type { ChecklistContent } from "../world/checklists.js"
import type { World } from "../world/World.js"
import { entitiesJson } from "./message.js"
import { userJson } from "./user.js"

const json = JSON.stringify

/** A Checklist: title, tasks (with who marked each done, and when), and the two flags only when set. */
export const checklistJson = (world: World, checklist: ChecklistContent): string => {
  let out = `{"title":${json(checklist.title.text)}`
  if (checklist.title.entities.length > 0) out += `,"title_entities":${entitiesJson(world, checklist.title.entities)}`
  out += `,"tasks":[${
    checklist.tasks.map((task) => {
      let item = `{"id":${task.id},"text":${json(task.text.text)}`
      if (task.text.entities.length > 0) item += `,"text_entities":${entitiesJson(world, task.text.entities)}`
      if (task.completedBy !== undefined && task.completionDate !== undefined && task.completionDate !== 0) {
        item += `,"completed_by_user":${userJson(world, task.completedBy)},"completion_date":${task.completionDate}`
      }
      return item + "}"
    }).join(",")
  }]`
  if (checklist.othersCanAddTasks) out += `,"others_can_add_tasks":true`
  if (checklist.othersCanMarkTasksAsDone) out += `,"others_can_mark_tasks_as_done":true`
  return out + "}"
}
