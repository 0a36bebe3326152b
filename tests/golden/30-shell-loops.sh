# Loops and tests as learners type them around the deployment: poll until ready, curl a few times, check files.
minikube start > /dev/null
docker build -t llmops-app:latest . > /dev/null
minikube image load llmops-app:latest
kubectl create secret generic llmops-secrets --from-literal=GROQ_API_KEY= > /dev/null
kubectl apply -f manifests/llmops-k8s.yaml > /dev/null
until kubectl get pods -l app=llmops | grep -q Running; do echo waiting; sleep 2; done
kubectl port-forward service/llmops-service 8501:80 > /dev/null &
for q in mecha cozy+slice+of+life; do curl -s "localhost:8501/api/recommend?q=$q&limit=1"; echo; done
if [ -f .env ]; then echo ".env exists"; else echo "no .env yet: cp manifests/secret.example.env .env"; fi
for f in manifests/*.yaml
do
  echo "$f: $(grep -c '^kind:' $f) objects"
done
curl -s localhost:8501/api/info
echo
curl -s -X POST localhost:8501/api/nope
echo
kill %1
