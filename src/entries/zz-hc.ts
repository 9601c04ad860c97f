import { HttpClient } from '@actions/http-client'
console.log(typeof HttpClient)
